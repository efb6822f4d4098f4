// Monitors: create, read, update, delete, each audited. Callers check the role (editors and above write).
import "server-only";
import { AUDIT_ACTIONS, recordAuditEvent, type Actor } from "@/lib/audit/audit-log";
import { deleteNamedRecord, refusingTakenName } from "@/lib/database/record-writes";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { changedMeanwhile, fieldRefusal, recordNotFound, staleVersion, unknownCredential } from "@/lib/errors/record-refusals";
import { getIntegration } from "@/lib/integrations/registry";
import { alertRulesSchema } from "./alert-rules";
import type { MonitorCreate, MonitorUpdate } from "./monitor-input";
import { describeSchedule, nextOccurrence, scheduleFromStored, scheduleToStored } from "@/lib/schedules/schedule";
import { scopeFromStored, scopeToStored } from "./monitor-scope";

/** The refusal for an id no monitor has. */
export const monitorNotFound = () => recordNotFound("monitor", "/api/v1/monitors");

const SNAPSHOT_SUMMARY = {
  id: true,
  trigger: true,
  status: true,
  scheduledFor: true,
  observedAt: true,
  finishedAt: true,
  durationMs: true,
  requests: true,
  passing: true,
  failing: true,
  pending: true,
  unknown: true,
  transitions: true,
  errorKind: true,
  errorMessage: true,
} satisfies Prisma.ComplianceSnapshotSelect;

const MONITOR_SELECT = {
  id: true,
  name: true,
  credential: { select: { id: true, name: true } },
  orgId: true,
  scopeKind: true,
  scopePolicyIds: true,
  scopePattern: true,
  scheduleKind: true,
  cron: true,
  timezone: true,
  alertRules: true,
  enabled: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { name: true } },
  snapshots: { select: SNAPSHOT_SUMMARY, orderBy: { scheduledFor: "desc" }, take: 1 },
} satisfies Prisma.MonitorSelect;

type MonitorRow = Prisma.MonitorGetPayload<{ select: typeof MONITOR_SELECT }>;

function toView(row: MonitorRow, now = new Date()) {
  const schedule = scheduleFromStored(row);
  return {
    id: row.id,
    name: row.name,
    credential: row.credential,
    orgId: row.orgId,
    scope: scopeFromStored(row),
    schedule: { ...schedule, cron: row.cron, description: describeSchedule(schedule) },
    alertRules: alertRulesSchema.catch([]).parse(row.alertRules),
    enabled: row.enabled,
    nextRunAt: row.enabled ? nextOccurrence(row.cron, row.timezone, now).toISOString() : null,
    lastSnapshot: row.snapshots[0] ?? null,
    createdBy: row.createdBy?.name ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
export type MonitorView = ReturnType<typeof toView>;

/** The credential must exist and be able to read policy statuses (System Context cannot). */
async function requireUsableCredential(credentialId: string): Promise<void> {
  const credential = await db.credential.findUnique({ where: { id: credentialId }, select: { service: true, authType: true, name: true } });
  if (!credential) throw unknownCredential();
  if (!getIntegration(credential.service)?.compliance) {
    throw fieldRefusal("invalid", "credentialId", "not supported", `credentialId: "${credential.name}" belongs to a service without policy statuses.`);
  }
  if (credential.authType === "systemContext") {
    throw fieldRefusal(
      "invalid",
      "credentialId",
      "System Context cannot read policy statuses",
      `credentialId: "${credential.name}" is a System Context credential, which JumpCloud does not accept for policy statuses; choose an API key or service account credential.`,
    );
  }
}

export async function listMonitors(): Promise<MonitorView[]> {
  const rows = await db.monitor.findMany({ select: MONITOR_SELECT, orderBy: { name: "asc" } });
  const now = new Date();
  return rows.map((row) => toView(row, now));
}

export async function getMonitor(id: string): Promise<MonitorView> {
  const row = await db.monitor.findUnique({ where: { id }, select: MONITOR_SELECT });
  if (!row) throw monitorNotFound();
  return toView(row);
}

export async function createMonitor(input: MonitorCreate, actor: Actor, ip?: string): Promise<MonitorView> {
  await requireUsableCredential(input.credentialId);
  return refusingTakenName("A monitor", input.name, async () => {
    const row = await db.monitor.create({
      data: {
        name: input.name,
        credentialId: input.credentialId,
        orgId: input.orgId,
        ...scopeToStored(input.scope),
        ...scheduleToStored(input.schedule),
        alertRules: input.alertRules,
        enabled: input.enabled,
        createdById: actor.id,
      },
      select: MONITOR_SELECT,
    });
    await recordAuditEvent({ actor, action: AUDIT_ACTIONS.monitorCreated, target: row.name, metadata: { monitorId: row.id, cron: row.cron, timezone: row.timezone }, ip });
    return toView(row);
  });
}

export async function updateMonitor(id: string, patch: MonitorUpdate, actor: Actor, ip?: string): Promise<MonitorView> {
  const current = await db.monitor.findUnique({ where: { id }, select: { version: true, cron: true, timezone: true, enabled: true, name: true } });
  if (!current) throw monitorNotFound();
  if (patch.version !== undefined && patch.version !== current.version) {
    throw staleVersion("monitor", current.version, patch.version);
  }
  if (patch.credentialId !== undefined) await requireUsableCredential(patch.credentialId);
  const schedule = patch.schedule ? scheduleToStored(patch.schedule) : undefined;
  const scheduleChanged = schedule !== undefined && (schedule.cron !== current.cron || schedule.timezone !== current.timezone);
  const resumed = patch.enabled === true && !current.enabled;
  await refusingTakenName("A monitor", patch.name, async () => {
    const updated = await db.monitor.updateMany({
      where: { id, version: current.version },
      data: {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.credentialId === undefined ? {} : { credentialId: patch.credentialId }),
        ...(patch.orgId === undefined ? {} : { orgId: patch.orgId }),
        ...(patch.scope === undefined ? {} : scopeToStored(patch.scope)),
        ...(schedule ?? {}),
        ...(patch.alertRules === undefined ? {} : { alertRules: patch.alertRules }),
        ...(patch.enabled === undefined ? {} : { enabled: patch.enabled }),
        // A new schedule or a resume starts counting from now: no occurrence from before runs late.
        ...(scheduleChanged || resumed ? { scheduleFrom: new Date() } : {}),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw changedMeanwhile("monitor");
  });
  const changed = Object.keys(patch).filter((key) => key !== "version");
  await recordAuditEvent({ actor, action: AUDIT_ACTIONS.monitorUpdated, target: patch.name ?? current.name, metadata: { monitorId: id, changed }, ip });
  return getMonitor(id);
}

/** Deletes the monitor with its snapshots and history. */
export async function deleteMonitor(id: string, actor: Actor, ip?: string): Promise<{ id: string; deleted: true }> {
  return deleteNamedRecord(db.monitor, id, { action: AUDIT_ACTIONS.monitorDeleted, metadata: { monitorId: id }, notFound: monitorNotFound }, actor, ip);
}

export async function listSnapshots(monitorId: string, options: { limit: number; before?: Date }) {
  const exists = await db.monitor.count({ where: { id: monitorId } });
  if (!exists) throw monitorNotFound();
  const rows = await db.complianceSnapshot.findMany({
    where: { monitorId, ...(options.before ? { scheduledFor: { lt: options.before } } : {}) },
    select: { ...SNAPSHOT_SUMMARY, requestedByName: true, attempts: true, startedAt: true, pages: true, policies: true, policiesFailed: true, errors: true, alerts: true },
    orderBy: { scheduledFor: "desc" },
    take: options.limit,
  });
  return rows;
}
