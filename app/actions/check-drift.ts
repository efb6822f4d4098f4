"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/audit-log";
import { guardedAction } from "@/lib/auth/guard";
import { checkNow } from "@/lib/drift/drift-queue";

export const checkDrift = guardedAction({ role: "editor", input: z.object({ baselineId: z.string().min(1).max(64) }).strict() }, async ({ baselineId }, { user, ip }) => {
  const outcome = await checkNow(baselineId, user);
  await recordAuditEvent({ actor: user, action: AUDIT_ACTIONS.driftCheckRequested, target: baselineId, metadata: { checkId: outcome.checkId, status: outcome.status ?? null }, ip });
  revalidatePath(`/baselines/${baselineId}`);
  return { status: outcome.status ?? null, open: outcome.open ?? 0, opened: outcome.opened ?? 0, resolved: outcome.resolved ?? 0 };
});
