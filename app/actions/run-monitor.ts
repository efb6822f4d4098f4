"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/audit-log";
import { guardedAction } from "@/lib/auth/guard";
import { requestSnapshot } from "@/lib/compliance/snapshot-queue";

/** "Run now": queues a snapshot, or returns the one already queued or running for this monitor. */
export const runMonitor = guardedAction({ role: "editor", input: z.object({ id: z.string().min(1).max(64) }).strict() }, async ({ id }, { user, ip }) => {
  const { snapshot, created } = await requestSnapshot(id, user);
  if (created) await recordAuditEvent({ actor: user, action: AUDIT_ACTIONS.monitorRunRequested, target: id, metadata: { snapshotId: snapshot.id }, ip });
  revalidatePath("/monitors");
  revalidatePath(`/monitors/${id}`);
  return { snapshotId: snapshot.id, created };
});
