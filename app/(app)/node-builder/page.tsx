import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Node builder" };

export default async function NodeBuilderPage() {
  await requirePageUser("viewer");
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold">Node builder</h1>
      <EmptyState title="No node configurations yet">Saved JumpCloud integration nodes will be listed here.</EmptyState>
    </div>
  );
}
