"use server";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/audit-log";
import { signOut as authSignOut } from "@/lib/auth/auth";
import { currentUser } from "@/lib/auth/guard";

export async function signOut(): Promise<void> {
  const user = await currentUser();
  if (user) await recordAuditEvent({ actor: user, action: AUDIT_ACTIONS.signOut, target: user.email });
  await authSignOut({ redirectTo: "/sign-in" });
}
