// A baseline's drift: its items (open and resolved, with since-when) and checks, and what an editor does with an
// open item: accept it into the baseline (a new version), or revert it (the integration's calls, previewed as the
// exact requests, then applied through the credential).
import "server-only";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/audit-log";
import { clientForCredential } from "@/lib/credentials/credential-connection";
import { allowedOrigins } from "@/lib/credentials/outbound-allow-list";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DriftFinding, DriftKind, PolicyState } from "@/lib/integrations/baseline-contract";
import { validParameters } from "@/lib/integrations/parameters";
import { requireOperation } from "@/lib/integrations/registry";
import type { PlannedRequest } from "@/lib/integrations/types";
import { addVersion, baselineIntegration, CHECK_SUMMARY, policiesOf, type Actor } from "./baseline-store";
import { runCall } from "./read-policies";

const NOT_FOUND = "No baseline has this id. List them with GET /api/v1/baselines.";
const ITEM_NOT_FOUND = "This baseline has no drift item with this id; list them with GET /api/v1/baselines/{id}/drift.";

type ItemRow = Awaited<ReturnType<typeof db.driftItem.findFirstOrThrow>>;

function toItemView(row: ItemRow) {
  return {
    id: row.id,
    kind: row.kind as DriftKind,
    policyId: row.policyId,
    policyName: row.policyName,
    subject: row.subject,
    expected: row.expected,
    actual: row.actual,
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
  const exists = await db.baseline.count({ where: { id: baselineId } });
  if (!exists) throw new AppError("notFound", NOT_FOUND);
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
  return {
    key: row.key,
    kind: row.kind as DriftKind,
    policyId: row.policyId,
    policyName: row.policyName,
    subject: row.subject,
    detail: (row.detail ?? {}) as DriftFinding["detail"],
    expected: row.expected,
    actual: row.actual,
  };
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
  /** What each call does, in words, and its exact requests (secrets masked). */
  steps: Array<{ resource: string; operation: string; summary: string; requests: PlannedRequest[] }>;
}

async function revertContext(baselineId: string, itemId: string) {
  const baseline = await db.baseline.findUnique({ where: { id: baselineId }, select: { credentialId: true, orgId: true, currentVersion: true } });
  if (!baseline) throw new AppError("notFound", NOT_FOUND);
  const row = await openItem(baselineId, itemId);
  if (!baseline.credentialId) throw new AppError("invalid", "This baseline's credential was deleted, so nothing can be reverted through it.");
  const { integration, support } = await baselineIntegration(baseline.credentialId);
  const version = await db.baselineVersion.findUniqueOrThrow({ where: { baselineId_number: { baselineId, number: baseline.currentVersion } }, select: { policies: true } });
  const expected = policiesOf(version.policies).find((p) => p.id === row.policyId);
  if (!expected) throw new AppError("conflict", "The baseline no longer includes this policy; run a check to update its drift.");
  const { calls, refusal } = support.revertCalls(findingOf(row), expected, baseline.orgId ?? undefined);
  return { baseline: { ...baseline, credentialId: baseline.credentialId }, row, integration, calls, refusal };
}

/** The exact requests a revert would send, for the confirmation. Nothing is sent. */
export async function planRevert(baselineId: string, itemId: string): Promise<RevertPlan> {
  const { baseline, row, integration, calls, refusal } = await revertContext(baselineId, itemId);
  const credential = await db.credential.findUniqueOrThrow({ where: { id: baseline.credentialId }, select: { authType: true, settings: true } });
  const settings = credential.settings as Record<string, string>;
  const steps = calls.map((call) => {
    const operation = requireOperation(integration, call.resource, call.operation);
    const parameters = validParameters(operation, call.params);
    const plan = integration.planRequests({ operation, parameters, auth: integration.describeAuth(credential.authType, settings), connection: integration.parseConnection(settings), allowedOrigins: allowedOrigins() });
    return { resource: call.resource, operation: call.operation, summary: operation.describeWrite?.(parameters).summary ?? operation.label, requests: plan.requests };
  });
  return { item: toItemView(row), refusal: refusal ?? null, steps };
}

/** Applies the revert's calls in order; the item resolves as reverted once all succeeded (a failure leaves it open). */
export async function revertDrift(baselineId: string, itemId: string, actor: Actor, ip?: string): Promise<{ item: DriftItemView; applied: Array<{ resource: string; operation: string; requests: number }> }> {
  const { baseline, row, integration, calls, refusal } = await revertContext(baselineId, itemId);
  if (refusal || calls.length === 0) throw new AppError("conflict", refusal ?? "There is nothing to revert for this item.");
  const { client } = await clientForCredential(baseline.credentialId);
  const applied: Array<{ resource: string; operation: string; requests: number }> = [];
  for (const call of calls) {
    const result = await runCall(integration, client, call);
    applied.push({ resource: call.resource, operation: call.operation, requests: result.meta.requests });
  }
  const updated = await db.driftItem.updateMany({ where: { id: itemId, status: "open" }, data: { status: "resolved", resolution: "reverted", resolvedAt: new Date(), resolvedByName: actor.name } });
  await recordAuditEvent({ actor, action: AUDIT_ACTIONS.driftReverted, target: row.policyName, metadata: { baselineId, itemId, kind: row.kind, calls: applied.length }, ip });
  const item = await db.driftItem.findUniqueOrThrow({ where: { id: itemId } });
  return { item: toItemView(updated.count > 0 ? item : row), applied };
}
