import type { Metadata } from "next";
import Link from "next/link";
import { SignOutEverywhereButton } from "@/components/settings/sign-out-everywhere-button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("viewer");
  const admin = hasRole(user.role, "admin");
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title="Settings" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Link href="/change-password">
          <Card className="hover:border-brand-500">
            <h2 className="font-medium">Your password</h2>
            <p className="text-sm text-zinc-500">Signed in as {user.email}. Change your password.</p>
          </Card>
        </Link>
        <Card className="space-y-2">
          <h2 className="font-medium">Sessions</h2>
          <p className="text-sm text-zinc-500">
            A sign-in lasts until you sign out, for at most {env().SESSION_MAX_HOURS} hours. Lost a device? End every session at once.
          </p>
          <SignOutEverywhereButton />
        </Card>
        <Link href="/settings/api-tokens">
          <Card className="hover:border-brand-500">
            <h2 className="font-medium">API tokens</h2>
            <p className="text-sm text-zinc-500">Personal tokens for workflow engines that run nodes over HTTP.</p>
          </Card>
        </Link>
        <Link href="/settings/alerts">
          <Card className="hover:border-brand-500">
            <h2 className="font-medium">Alerts</h2>
            <p className="text-sm text-zinc-500">Signed webhooks for monitors&apos; alerts, and every delivery attempt.</p>
          </Card>
        </Link>
        <Link href="/api-reference">
          <Card className="hover:border-brand-500">
            <h2 className="font-medium">API reference</h2>
            <p className="text-sm text-zinc-500">Endpoints, scopes, errors and examples of the HTTP API.</p>
          </Card>
        </Link>
        {admin && (
          <>
            <Link href="/settings/users">
              <Card className="hover:border-brand-500">
                <h2 className="font-medium">Users</h2>
                <p className="text-sm text-zinc-500">Add people and set their roles.</p>
              </Card>
            </Link>
            <Link href="/settings/audit">
              <Card className="hover:border-brand-500">
                <h2 className="font-medium">Audit log</h2>
                <p className="text-sm text-zinc-500">Sign-ins, user changes and credential use, newest first.</p>
              </Card>
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
