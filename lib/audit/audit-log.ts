import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Every action the log records: a closed list, so a filter can offer them all and a typo cannot slip in. */
export const AUDIT_ACTIONS = {
  signInSucceeded: "auth.sign_in",
  signInFailed: "auth.sign_in_failed",
  signInThrottled: "auth.sign_in_throttled",
  signOut: "auth.sign_out",
  signOutEverywhere: "auth.sign_out_everywhere",
  sessionRefused: "auth.session_refused",
  ownerCreated: "user.owner_created",
  userAdded: "user.added",
  roleChanged: "user.role_changed",
  userRemoved: "user.removed",
  passwordChanged: "user.password_changed",
  credentialCreated: "credential.created",
  credentialUpdated: "credential.updated",
  credentialDeleted: "credential.deleted",
  credentialTested: "credential.tested",
  credentialUsed: "credential.used",
  nodeConfigCreated: "node_config.created",
  nodeConfigUpdated: "node_config.updated",
  nodeConfigRenamed: "node_config.renamed",
  nodeConfigDuplicated: "node_config.duplicated",
  nodeConfigDeleted: "node_config.deleted",
  apiTokenCreated: "api_token.created",
  apiTokenRevoked: "api_token.revoked",
  apiTokenAuthFailed: "api_token.auth_failed",
  monitorCreated: "monitor.created",
  monitorUpdated: "monitor.updated",
  monitorDeleted: "monitor.deleted",
  monitorRunRequested: "monitor.run_requested",
  baselineCreated: "baseline.created",
  baselineUpdated: "baseline.updated",
  baselineCaptured: "baseline.captured",
  baselineDeleted: "baseline.deleted",
  driftCheckRequested: "drift.check_requested",
  driftAccepted: "drift.accepted",
  driftReverted: "drift.reverted",
  alertDestinationCreated: "alert_destination.created",
  alertDestinationUpdated: "alert_destination.updated",
  alertDestinationSecretRotated: "alert_destination.secret_rotated",
  alertDestinationDeleted: "alert_destination.deleted",
  alertTestSent: "alert_destination.test_sent",
  retentionApplied: "retention.applied",
} as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

/** Who made a change: the signed-in user or the token's owner. */
export interface Actor {
  id: string;
  name: string;
}

export interface AuditEntry {
  actor?: Actor | null;
  action: AuditAction;
  target?: string;
  outcome?: "success" | "failure";
  /** Never a secret: callers pass names, ids and outcomes only. */
  metadata?: Prisma.InputJsonObject;
  ip?: string;
}

export async function recordAuditEvent(entry: AuditEntry, tx: Prisma.TransactionClient = db): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actor?.id,
      actorName: entry.actor?.name,
      action: entry.action,
      target: entry.target,
      outcome: entry.outcome ?? "success",
      metadata: entry.metadata,
      ip: entry.ip,
    },
  });
}

export const AUDIT_PAGE_SIZE = 25;

/** The actions that occur in the log, for the filter. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}

export async function listAuditEvents(page: number, action?: string) {
  const where = action ? { action } : {};
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.auditEvent.count({ where }),
  ]);
  return { events, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
