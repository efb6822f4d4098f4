// A baseline's drift: its items (open and resolved, with since-when) and checks, and what an editor does with an
// open item: accept it into the baseline (a new version), or revert it (the integration's sync plan, previewed as
// the exact requests, then applied through the credential).
import "server-only";
import { AUDIT_ACTIONS, recordAuditEvent, type Actor } from "@/lib/audit/audit-log";
import { clientForCredential } from "@/lib/credentials/credential-connection";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DriftFinding, DriftKind, PolicyState } from "@/lib/integrations/baseline-contract";
import type { ApplyReport, SyncPlan } from "@/lib/integrations/sync-contract";
import type { PlannedRequest } from "@/lib/integrations/types";
import { addVersion, assertBaselineExists, baselineIntegration, baselineNotFound, CHECK_SUMMARY, policiesOf } from "./baseline-store";

const ITEM_NOT_FOUND = "This baseline has no drift item with this id; list them with GET /api/v1/baselines/{id}/drift.";

type ItemRow = Awaited<ReturnType<typeof db.driftItem.findFirstOrThrow>>;

/** The difference an item records, as both its view and the finding that accept and revert act on carry it. */
function differenceOf(row: ItemRow) {
  return { kind: row.kind as DriftKind, policyId: row.policyId, policyName: row.policyName, subject: row.subject, expected: row.expected, actual: row.actual };
}

function toItemView(row: ItemRow) {
  return {
    id: row.id,
    ...differenceOf(row),
    status: row.status as "open" | "resolved",
    resolution: row.resolution as "gone" | "accepted" | "reverted" | null,
    since: row.firstSeenAt,
    lastSeenAt: row.lastSeenAt,
    resolvedAt: row.resolvedAt,
    resolvedBy: row.resolvedByName,
    firstCheckId: row.firstCheckId,
  };
}
export type DriftItemView = ReturnType<typeof toItemView>;

export async function listDrift(baselineId: string, options: { status: "open" | "resolved" | "all"; limit: number }) {
  await assertBaselineExists(baselineId);
  const [items, checks] = await Promise.all([
    db.driftItem.findMany({
      where: { baselineId, ...(options.status === "all" ? {} : { status: options.status }) },
      // Open items first, then the most recently resolved; each group newest first.
      orderBy: [{ status: "asc" }, { resolvedAt: { sort: "desc", nulls: "first" } }, { firstSeenAt: "desc" }, { key: "asc" }],
      take: options.limit,
    }),
    db.driftCheck.findMany({ where: { baselineId }, select: { ...CHECK_SUMMARY, errors: true }, orderBy: { scheduledFor: "desc" }, take: 20 }),
  ]);
  return { items: items.map(toItemView), checks };
}

function findingOf(row: ItemRow): DriftFinding {
  return { key: row.key, ...differenceOf(row), detail: (row.detail ?? {}) as DriftFinding["detail"] };
}

async function openItem(baselineId: string, itemId: string, client: Prisma.TransactionClient = db): Promise<ItemRow> {
  const row = await client.driftItem.findFirst({ where: { id: itemId, baselineId } });
  if (!row) throw new AppError("notFound", ITEM_NOT_FOUND);
  if (row.status !== "open") throw new AppError("conflict", `This drift item is already resolved (${row.resolution}); run a check to see the current drift.`);
  return row;
}

/** The baseline's policy as it stands in the current version after accepting the finding. */
function accepted(policies: PolicyState[], finding: DriftFinding): PolicyState[] {
  const apply = (policy: PolicyState): PolicyState | null => {
    const association = finding.detail.association;
    switch (finding.kind) {
      case "associationAdded":
        return association ? { ...policy, associations: [...policy.associations.filter((a) => !(a.type === association.type && a.id === association.id)), association] } : policy;
      case "associationRemoved":
        return association ? { ...policy, associations: policy.associations.filter((a) => !(a.type === association.type && a.id === association.id)) } : policy;
      case "valueChanged":
        return { ...policy, values: policy.values.map((v) => (v.field === finding.detail.field ? { ...v, value: finding.actual ?? null } : v)) };
      case "notesChanged":
        return { ...policy, notes: typeof finding.actual === "string" ? finding.actual : "" };
      case "policyRenamed":
        return { ...policy, name: typeof finding.actual === "string" ? finding.actual : policy.name };
      case "policyDeleted":
        return null;
      case "complianceRegression":
        return policy;
    }
  };
  const next = policies.flatMap((policy) => {
    if (policy.id !== finding.policyId) return [policy];
    const changed = apply(policy);
    return changed ? [changed] : [];
  });
  if (next.length === 0) throw new AppError("conflict", "Accepting this deletion would leave the baseline without policies; delete the baseline instead.");
  return next;
}

/** Accept: reality becomes the desired state (a new version); a compliance regression is acknowledged. */
export async function acceptDrift(baselineId: string, itemId: string, actor: Actor, ip?: string): Promise<{ item: DriftItemView; baselineVersion: number | null }> {
  const result = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Baseline" WHERE id = ${baselineId} FOR UPDATE`;
    const row = await openItem(baselineId, itemId, tx);
    const finding = findingOf(row);
    const version =
      finding.kind === "complianceRegression"
        ? null
        : await addVersion(baselineId, (policies) => ({ policies: accepted(policies, finding), reason: "accepted", summary: `Accepted ${row.kind} on ${row.policyName}: ${row.subject}` }), actor, { tx });
    const item = await tx.driftItem.update({ where: { id: itemId }, data: { status: "resolved", resolution: "accepted", resolvedAt: new Date(), resolvedByName: actor.name } });
    return { item, version };
  });
  await recordAuditEvent({ actor, action: AUDIT_ACTIONS.driftAccepted, target: result.item.policyName, metadata: { baselineId, itemId, kind: result.item.kind, baselineVersion: result.version }, ip });
  return { item: toItemView(result.item), baselineVersion: result.version };
}

export interface RevertPlan {
  item: DriftItemView;
  /** Why this item cannot be reverted (then there are no requests). */
  refusal: string | null;
  /** The planner's view, read now: what it changes, and the exact requests apply sends (secrets masked). */
  changes: string[];
  requests: PlannedRequest[];
  /** Requests made to read the current state for this plan. */
  reads: number;
}

function describePlan(plan: SyncPlan): { changes: string[]; requests: PlannedRequest[] } {
  if (plan.kind === "associations") {
    const steps = plan.steps.filter((step) => step.action !== "unchanged");
    return { changes: steps.map((step) => `${step.action} ${step.target.type} ${step.target.id}`), requests: steps.flatMap((step) => (step.request ? [step.request] : [])) };
  }
  const show = (value: unknown) => (typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value ?? null));
  return { changes: [...plan.changes.map((c) => `${c.field === "value" ? c.key : c.field}: ${show(c.from)} → ${show(c.to)}`), ...plan.blocked], requests: plan.writes };
}

async function revertContext(baselineId: string, itemId: string) {
  const baseline = await db.baseline.findUnique({ where: { id: baselineId }, select: { credentialId: true, orgId: true, currentVersion: true } });
  if (!baseline) throw baselineNotFound();
  const row = await openItem(baselineId, itemId);
  if (!baseline.credentialId) throw new AppError("invalid", "This baseline's credential was deleted, so nothing can be reverted through it.");
  const { integration, support } = await baselineIntegration(baseline.credentialId);
  if (!integration.sync) throw new AppError("invalid", "The baseline's service cannot apply changes.");
  const version = await db.baselineVersion.findUniqueOrThrow({ where: { baselineId_number: { baselineId, number: baseline.currentVersion } }, select: { policies: true } });
  const expected = policiesOf(version.policies).find((p) => p.id === row.policyId);
  if (!expected) throw new AppError("conflict", "The baseline no longer includes this policy; run a check to update its drift.");
  const { client } = await clientForCredential(baseline.credentialId);
  const { plan, refusal } = await support.planRevert(integration.sync, client, findingOf(row), expected, baseline.orgId ? { orgId: baseline.orgId } : {});
  return { row, client, sync: integration.sync, plan, refusal };
}

/** What a revert would send, planned from the current state, for the confirmation. Nothing is changed. */
export async function planRevert(baselineId: string, itemId: string): Promise<RevertPlan> {
  const { row, plan, refusal } = await revertContext(baselineId, itemId);
  if (!plan) return { item: toItemView(row), refusal: refusal ?? "This item cannot be reverted.", changes: [], requests: [], reads: 0 };
  return { item: toItemView(row), refusal: null, ...describePlan(plan), reads: plan.requests };
}

/**
 * Plans afresh and applies through the sync planner (an association already back counts as done); the item
 * resolves as reverted once every step is done, and stays open with the failure's message otherwise.
 */
export async function revertDrift(baselineId: string, itemId: string, actor: Actor, ip?: string): Promise<{ item: DriftItemView; report: ApplyReport }> {
  const { row, client, sync, plan, refusal } = await revertContext(baselineId, itemId);
  if (!plan) throw new AppError("conflict", refusal ?? "This item cannot be reverted.");
  const report = await sync.applyPlan(client, plan);
  const failed = report.items.find((item) => item.outcome === "failed");
  if (!report.complete || failed) {
    const message = failed?.error ? `${failed.error.message}${failed.error.advice ? ` ${failed.error.advice}` : ""}` : "Some changes were not applied.";
    throw new AppError("conflict", `The revert did not finish: ${message} Revert again to finish the rest.`);
  }
  const updated = await db.driftItem.updateMany({ where: { id: itemId, status: "open" }, data: { status: "resolved", resolution: "reverted", resolvedAt: new Date(), resolvedByName: actor.name } });
  await recordAuditEvent({ actor, action: AUDIT_ACTIONS.driftReverted, target: row.policyName, metadata: { baselineId, itemId, kind: row.kind, requests: report.requests }, ip });
  const item = await db.driftItem.findUniqueOrThrow({ where: { id: itemId } });
  return { item: toItemView(updated.count > 0 ? item : row), report };
}
