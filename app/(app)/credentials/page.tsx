import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Credentials" };

export default async function CredentialsPage() {
  await requirePageUser("viewer");
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold">Credentials</h1>
      <EmptyState title="No credentials yet">Encrypted JumpCloud credentials will be listed here.</EmptyState>
    </div>
  );
}
