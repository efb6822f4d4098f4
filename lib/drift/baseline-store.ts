// Baselines: capture (read the chosen policies through the credential into version 1), read, edit the desired
// state (a new version), capture again, delete; each audited. Callers check the role (editors and above write).
import "server-only";
import { AUDIT_ACTIONS, recordAuditEvent, type Actor } from "@/lib/audit/audit-log";
import { clientForCredential } from "@/lib/credentials/credential-connection";
import { deleteNamedRecord, refusingTakenName } from "@/lib/database/record-writes";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { fieldRefusal, nameTaken, recordNotFound, staleVersion, unknownCredential } from "@/lib/errors/record-refusals";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BaselineSupport, PolicyState } from "@/lib/integrations/baseline-contract";
import { getIntegration } from "@/lib/integrations/registry";
import type { IntegrationDefinition } from "@/lib/integrations/types";
import { describeSchedule, nextOccurrence, scheduleFromStored, scheduleToStored, type ScheduleInput } from "@/lib/schedules/schedule";
import type { BaselineCapture, BaselineCreate, BaselineUpdate } from "./baseline-input";
import { readPolicies } from "./read-policies";

/** The refusal for an id no baseline has, saying where the ids are. */
export const baselineNotFound = () => recordNotFound("baseline", "/api/v1/baselines");

/** Refuses an unknown id before reading a baseline's rows, which would otherwise come back as an empty list. */
export async function assertBaselineExists(id: string): Promise<void> {
  if ((await db.baseline.count({ where: { id } })) === 0) throw baselineNotFound();
}

export const CHECK_SUMMARY = {
  id: true,
  trigger: true,
  status: true,
  baselineVersion: true,
  scheduledFor: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
  requests: true,
  policies: true,
  open: true,
  opened: true,
  resolved: true,
  errorKind: true,
  errorMessage: true,
  requestedByName: true,
} satisfies Prisma.DriftCheckSelect;

const BASELINE_SELECT = {
  id: true,
  name: true,
  credential: { select: { id: true, name: true } },
  orgId: true,
  scheduleKind: true,
  cron: true,
  timezone: true,
  currentVersion: true,
  version: true,
  createdByName: true,
  createdAt: true,
  updatedAt: true,
  checks: { select: CHECK_SUMMARY, orderBy: { scheduledFor: "desc" }, take: 1 },
  _count: { select: { items: { where: { status: "open" } } } },
} satisfies Prisma.BaselineSelect;

type BaselineRow = Prisma.BaselineGetPayload<{ select: typeof BASELINE_SELECT }>;

export function storedSchedule(row: { scheduleKind: string | null; cron: string | null; timezone: string }): ScheduleInput | null {
  return row.scheduleKind && row.cron ? scheduleFromStored({ scheduleKind: row.scheduleKind, cron: row.cron, timezone: row.timezone }) : null;
}

function toView(row: BaselineRow, policies: PolicyState[], now = new Date()) {
  const schedule = storedSchedule(row);
  return {
    id: row.id,
    name: row.name,
    credential: row.credential,
    orgId: row.orgId,
    schedule: schedule ? { ...schedule, cron: row.cron!, description: describeSchedule(schedule) } : null,
    nextCheckAt: schedule ? nextOccurrence(row.cron!, row.timezone, now).toISOString() : null,
    currentVersion: row.currentVersion,
    policies,
    openDrift: row._count.items,
    lastCheck: row.checks[0] ?? null,
    createdBy: row.createdByName,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
export type BaselineView = ReturnType<typeof toView>;

/** A baseline without a schedule is checked on demand only. */
function scheduleColumns(schedule: ScheduleInput | null) {
  return schedule ? scheduleToStored(schedule) : { scheduleKind: null, cron: null, timezone: "UTC" };
}

/** The stored policies of a version, as the integration described them. */
export function policiesOf(json: Prisma.JsonValue): PolicyState[] {
  return Array.isArray(json) ? (json as unknown as PolicyState[]) : [];
}

/** The credential must exist, belong to a service with baselines, and be able to read policies. */
export async function baselineIntegration(credentialId: string): Promise<{ integration: IntegrationDefinition; support: BaselineSupport }> {
  const credential = await db.credential.findUnique({ where: { id: credentialId }, select: { service: true, authType: true, name: true } });
  if (!credential) throw unknownCredential();
  const integration = getIntegration(credential.service);
  if (!integration?.baselines) throw fieldRefusal("invalid", "credentialId", "not supported", `credentialId: "${credential.name}" belongs to a service without policy baselines.`);
  if (credential.authType === "systemContext") {
    throw fieldRefusal(
      "invalid",
      "credentialId",
      "System Context cannot read policies",
      `credentialId: "${credential.name}" is a System Context credential, which JumpCloud does not accept for policies and their associations; choose an API key or service account credential.`,
    );
  }
  return { integration, support: integration.baselines };
}

/** Reads the policies' current states for a capture; refuses when one is missing or unreadable. */
async function capturePolicies(credentialId: string, orgId: string | null, policyIds: readonly string[]): Promise<PolicyState[]> {
  const { integration, support } = await baselineIntegration(credentialId);
  const { client } = await clientForCredential(credentialId, { concurrency: 1 });
  const reading = await readPolicies(integration, support, client, policyIds, orgId ? { orgId } : {});
  const failed = reading.errors[0];
  if (failed) {
    if (failed.cause instanceof Error) throw failed.cause;
    throw new AppError("invalid", `Policy ${failed.policyId} could not be read: ${failed.message}`, { path: "policyIds" });
  }
  const missing = policyIds.filter((id) => !reading.states.get(id));
  if (missing.length > 0) {
    throw fieldRefusal("invalid", "policyIds", "no such policy", `policyIds: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""} ${missing.length === 1 ? "is" : "are"} not a policy of this organization.`);
  }
  return policyIds.map((id) => reading.states.get(id)!);
}

async function currentPolicies(baselineId: string, number: number): Promise<PolicyState[]> {
  const version = await db.baselineVersion.findUnique({ where: { baselineId_number: { baselineId, number } }, select: { policies: true } });
  return policiesOf(version?.policies ?? []);
}

export async function listBaselines(): Promise<BaselineView[]> {
  const rows = await db.baseline.findMany({ select: BASELINE_SELECT, orderBy: { name: "asc" } });
  const versions = await db.baselineVersion.findMany({
    where: { OR: rows.map((row) => ({ baselineId: row.id, number: row.currentVersion })) },
    select: { baselineId: true, policies: true },
  });
  const byBaseline = new Map(versions.map((v) => [v.baselineId, policiesOf(v.policies)]));
  const now = new Date();
  return rows.map((row) => toView(row, byBaseline.get(row.id) ?? [], now));
}

export async function getBaseline(id: string): Promise<BaselineView> {
  const row = await db.baseline.findUnique({ where: { id }, select: BASELINE_SELECT });
  if (!row) throw baselineNotFound();
  return toView(row, await currentPolicies(id, row.currentVersion));
}

/** Capture: reads every chosen policy through the credential; its state becomes version 1. */
export async function createBaseline(input: BaselineCreate, actor: Actor, ip?: string): Promise<BaselineView> {
  const existing = await db.baseline.count({ where: { name: input.name } });
  if (existing > 0) throw nameTaken("A baseline", input.name);
  const policies = await capturePolicies(input.credentialId, input.orgId, input.policyIds);
  const { id } = await refusingTakenName("A baseline", input.name, () =>
    db.baseline.create({
      data: {
        name: input.name,
        credentialId: input.credentialId,
        orgId: input.orgId,
        ...scheduleColumns(input.schedule),
        createdById: actor.id,
        createdByName: actor.name,
        versions: {
          create: { number: 1, reason: "captured", summary: `Captured ${policies.length} ${policies.length === 1 ? "policy" : "policies"}`, policies: policies as unknown as Prisma.InputJsonArray, createdById: actor.id, createdByName: actor.name },
        },
      },
      select: { id: true },
    }),
  );
  await recordAuditEvent({ actor, action: AUDIT_ACTIONS.baselineCreated, target: input.name, metadata: { baselineId: id, policies: policies.length }, ip });
  return getBaseline(id);
}

/**
 * Adds a version on top of the current one, inside a transaction that holds the baseline's row: concurrent
 * accepts and edits each build on the other's result instead of overwriting it.
 */
export async function addVersion(
  baselineId: string,
  change: (current: PolicyState[]) => { policies: PolicyState[]; reason: string; summary: string },
  actor: Actor,
  options: { expectVersion?: number; tx?: Prisma.TransactionClient } = {},
): Promise<number> {
  const work = async (tx: Prisma.TransactionClient) => {
    const locked = await tx.$queryRaw<Array<{ currentVersion: number; version: number }>>`SELECT "currentVersion", version FROM "Baseline" WHERE id = ${baselineId} FOR UPDATE`;
    const row = locked[0];
    if (!row) throw baselineNotFound();
    if (options.expectVersion !== undefined && options.expectVersion !== row.version) {
      throw staleVersion("baseline", row.version, options.expectVersion);
    }
    const current = await tx.baselineVersion.findUniqueOrThrow({ where: { baselineId_number: { baselineId, number: row.currentVersion } }, select: { policies: true } });
    const next = change(policiesOf(current.policies));
    const number = row.currentVersion + 1;
    await tx.baselineVersion.create({
      data: { baselineId, number, reason: next.reason, summary: next.summary.slice(0, 500), policies: next.policies as unknown as Prisma.InputJsonArray, createdById: actor.id, createdByName: actor.name },
    });
    await tx.baseline.update({ where: { id: baselineId }, data: { currentVersion: number, version: { increment: 1 } } });
    return number;
  };
  return options.tx ? work(options.tx) : db.$transaction(work);
}

export async function updateBaseline(id: string, patch: BaselineUpdate, actor: Actor, ip?: string): Promise<BaselineView> {
  const current = await db.baseline.findUnique({ where: { id }, select: { version: true, name: true, cron: true, timezone: true } });
  if (!current) throw baselineNotFound();
  if (patch.version !== undefined && patch.version !== current.version) {
    throw staleVersion("baseline", current.version, patch.version);
  }
  await refusingTakenName("A baseline", patch.name, () =>
    db.$transaction(async (tx) => {
      if (patch.policies) {
        const policies = patch.policies;
        await addVersion(id, () => ({ policies, reason: "edited", summary: patch.summary || `Desired state edited (${policies.length} ${policies.length === 1 ? "policy" : "policies"})` }), actor, {
          tx,
          ...(patch.version === undefined ? {} : { expectVersion: patch.version }),
        });
      }
      if (patch.name !== undefined || patch.schedule !== undefined) {
        const schedule = patch.schedule === undefined ? undefined : scheduleColumns(patch.schedule);
        const scheduleChanged = schedule !== undefined && (schedule.cron !== current.cron || schedule.timezone !== current.timezone);
        await tx.baseline.update({
          where: { id },
          data: {
            ...(patch.name === undefined ? {} : { name: patch.name }),
            ...(schedule ?? {}),
            ...(scheduleChanged ? { scheduleFrom: new Date() } : {}),
            ...(patch.policies ? {} : { version: { increment: 1 } }),
          },
        });
      }
    }),
  );
  const changed = Object.keys(patch).filter((key) => key !== "version" && key !== "summary");
  await recordAuditEvent({ actor, action: AUDIT_ACTIONS.baselineUpdated, target: patch.name ?? current.name, metadata: { baselineId: id, changed }, ip });
  return getBaseline(id);
}

/** Capture again: the policies' current state (and any added policies) becomes the desired state. */
export async function recaptureBaseline(id: string, input: BaselineCapture, actor: Actor, ip?: string): Promise<BaselineView> {
  const row = await db.baseline.findUnique({ where: { id }, select: { name: true, credentialId: true, orgId: true, currentVersion: true } });
  if (!row) throw baselineNotFound();
  if (!row.credentialId) throw fieldRefusal("invalid", "credentialId", "credential deleted", "This baseline's credential was deleted, so its policies cannot be read.");
  const ids = [...new Set([...(await currentPolicies(id, row.currentVersion)).map((p) => p.id), ...input.addPolicyIds])];
  const policies = await capturePolicies(row.credentialId, row.orgId, ids);
  await addVersion(id, () => ({ policies, reason: "recaptured", summary: `Captured again (${policies.length} ${policies.length === 1 ? "policy" : "policies"})` }), actor);
  await recordAuditEvent({ actor, action: AUDIT_ACTIONS.baselineCaptured, target: row.name, metadata: { baselineId: id, policies: policies.length }, ip });
  return getBaseline(id);
}

export async function deleteBaseline(id: string, actor: Actor, ip?: string): Promise<{ id: string; deleted: true }> {
  return deleteNamedRecord(db.baseline, id, { action: AUDIT_ACTIONS.baselineDeleted, metadata: { baselineId: id }, notFound: baselineNotFound }, actor, ip);
}

export async function listVersions(id: string) {
  await assertBaselineExists(id);
  const rows = await db.baselineVersion.findMany({ where: { baselineId: id }, orderBy: { number: "desc" }, take: 200 });
  return rows.map((row) => ({ number: row.number, reason: row.reason, summary: row.summary, createdBy: row.createdByName, createdAt: row.createdAt, policies: policiesOf(row.policies) }));
}
