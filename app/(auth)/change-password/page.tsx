import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signOut } from "@/app/actions/sign-out";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Change your password" };

/** Outside the app shell: users added with a one-time password land here before anything else. */
export default async function ChangePasswordPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fchange-password");
  return (
    <Card className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Change your password</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {user.mustChangePassword
            ? `Welcome, ${user.name}. You signed in with a one-time password; choose your own to continue.`
            : `Signed in as ${user.email}.`}
        </p>
      </div>
      <ChangePasswordForm />
      {user.mustChangePassword ? (
        <form action={signOut}>
          <Button type="submit" variant="ghost">
            Sign out
          </Button>
        </form>
      ) : (
        <Link href="/settings" className="text-sm text-brand-600 underline">
          Back to Settings
        </Link>
      )}
    </Card>
  );
}
