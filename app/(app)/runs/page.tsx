import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage() {
  await requirePageUser("viewer");
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold">Runs</h1>
      <EmptyState title="No runs yet">Every node run, from the builder or the HTTP API, will be recorded here.</EmptyState>
    </div>
  );
}
