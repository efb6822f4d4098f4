import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OwnerSetupForm } from "@/components/auth/owner-setup-form";
import { Card } from "@/components/ui/card";
import { hasAnyUser } from "@/lib/users/users";

export const metadata: Metadata = { title: "Create the owner account" };

/** First-run only: once any user exists this page is gone for good. */
export default async function SetupPage() {
  if (await hasAnyUser()) notFound();
  return (
    <Card className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Create the owner account</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This is a new installation. The owner manages users and credentials; there is no default password.
        </p>
      </div>
      <OwnerSetupForm />
    </Card>
  );
}
