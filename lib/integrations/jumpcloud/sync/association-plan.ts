// The association planner: a policy's current direct associations (returnAll) against a desired set of systems
// and system groups, as add / remove / unchanged steps, and the apply that runs them with bounded concurrency.
// A repeated add answered 409 is "already present", a remove answered "not associated" is "already absent", so a
// plan applied twice, or re-planned after a partial failure, changes each association at most once.
import type { ApplyItem, ApplyOptions, ApplyReport, AssociationPlan, AssociationStep, AssociationTarget, ItemOutcome, PlanAssociationsRequest } from "../../sync-contract";
import { isJumpCloudError, JumpCloudError } from "../errors";
import { isObjectId } from "../operations/schemas";
import { eachLimited, type SyncIO } from "./sync-io";
import { orgParams } from "../org-params";

/** What a policy's associations may name here; users and user groups are not systems a policy applies to. */
export const SYNC_TARGET_TYPES = ["system", "system_group"] as const;
export const DEFAULT_APPLY_CONCURRENCY = 16;
/** One plan covers at most this many targets (the request budget, not memory, is the limit that matters). */
export const MAX_SYNC_TARGETS = 10_000;

const keyOf = (target: AssociationTarget) => `${target.type}:${target.id}`;

function invalid(path: string, message: string): JumpCloudError {
  return new JumpCloudError({ kind: "invalidParameters", message: `Invalid parameter ${path}: ${message}`, path });
}

/** Checks the desired targets (every type and id) and drops repeats, keeping the first. */
export function normalizeTargets(desired: readonly AssociationTarget[], path = "desired"): AssociationTarget[] {
  if (desired.length > MAX_SYNC_TARGETS) throw invalid(path, `at most ${MAX_SYNC_TARGETS} targets per plan (got ${desired.length}); split the list.`);
  const seen = new Set<string>();
  const out: AssociationTarget[] = [];
  desired.forEach((target, index) => {
    if (!(SYNC_TARGET_TYPES as readonly string[]).includes(target.type)) throw invalid(`${path}[${index}].type`, `must be one of ${SYNC_TARGET_TYPES.join(", ")}.`);
    if (!isObjectId(target.id)) throw invalid(`${path}[${index}].id`, "must be a JumpCloud ObjectID (24 hexadecimal characters).");
    const key = keyOf(target);
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ type: target.type, id: target.id });
    }
  });
  return out;
}

function manageParams(policyId: string, op: "add" | "remove", target: AssociationTarget, orgId: string | undefined) {
  return { policyId, associationData: { op, type: target.type, id: target.id }, ...orgParams(orgId) };
}

/** The targets a listed association record points at (graph connections: `{ to: { type, id } }`). */
function targetOf(item: unknown): AssociationTarget | undefined {
  const to = (item as { to?: { type?: unknown; id?: unknown } } | null)?.to;
  return typeof to?.type === "string" && typeof to.id === "string" ? { type: to.type, id: to.id } : undefined;
}

export async function planAssociations(io: SyncIO, request: PlanAssociationsRequest, signal?: AbortSignal): Promise<AssociationPlan> {
  if (!isObjectId(request.policyId)) throw invalid("policyId", "must be a JumpCloud ObjectID (24 hexadecimal characters).");
  const desired = normalizeTargets(request.desired);
  const { policyId, mode, orgId } = request;
  const sentBefore = io.sent();
  // Exact compares every kind a sync manages; add-only reads only the kinds it may add.
  const targetTypes = mode === "exact" ? [...SYNC_TARGET_TYPES] : SYNC_TARGET_TYPES.filter((type) => desired.some((t) => t.type === type));
  const listParams = { policyId, targets: targetTypes, returnAll: true, ...orgParams(orgId) };
  const listed = targetTypes.length === 0 ? [] : await io.run("policyAssociation", "list", listParams, signal);
  const current = new Map<string, AssociationTarget>();
  for (const item of listed) {
    const target = targetOf(item);
    if (target && targetTypes.includes(target.type as (typeof SYNC_TARGET_TYPES)[number])) current.set(keyOf(target), target);
  }
  const step = (action: "add" | "remove", target: AssociationTarget): AssociationStep => ({
    action,
    target,
    request: { ...io.requests("policyAssociation", "manage", manageParams(policyId, action, target, orgId))[0]!, purpose: `${action === "add" ? "Add" : "Remove"} ${target.type} ${target.id}` },
  });
  const wanted = new Set(desired.map(keyOf));
  const adds = desired.filter((t) => !current.has(keyOf(t))).map((t) => step("add", t));
  const removes = mode === "exact" ? [...current.values()].filter((t) => !wanted.has(keyOf(t))).map((t) => step("remove", t)) : [];
  const unchanged: AssociationStep[] = desired.filter((t) => current.has(keyOf(t))).map((target) => ({ action: "unchanged", target }));
  return {
    kind: "associations",
    policyId,
    ...(orgId ? { orgId } : {}),
    mode,
    targetTypes,
    current: current.size,
    counts: { add: adds.length, remove: removes.length, unchanged: unchanged.length },
    steps: [...adds, ...removes, ...unchanged],
    reads: targetTypes.length === 0 ? [] : io.requests("policyAssociation", "list", listParams),
    requests: io.sent() - sentBefore,
  };
}

const OUTCOMES: readonly ItemOutcome[] = ["added", "removed", "updated", "alreadyPresent", "alreadyAbsent", "unchanged", "failed"];

export function countOutcomes(items: readonly ApplyItem[]): Record<ItemOutcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<ItemOutcome, number>;
  for (const item of items) counts[item.outcome] += 1;
  return counts;
}

/** A failed step as data: the typed error and the advice for it; never a stack. */
export function failureOf(error: unknown): NonNullable<ApplyItem["error"]> {
  if (isJumpCloudError(error)) return { kind: error.kind, message: error.message, ...(error.guidance ? { advice: error.guidance } : {}) };
  const { kind, message, guidance } = (error ?? {}) as { kind?: unknown; message?: unknown; guidance?: unknown };
  return {
    kind: typeof kind === "string" ? kind : "failed",
    message: typeof message === "string" && message !== "" ? message : "The request failed.",
    ...(typeof guidance === "string" ? { advice: guidance } : {}),
  };
}

const cancelled = { kind: "cancelled", message: "Not applied: the apply was cancelled first. Plan and apply again to finish the rest.", advice: "Run the sync again; it only sends what is still missing." };

/**
 * Runs the add and remove steps, at most `concurrency` at once. Each step is one request (the transport retries a
 * 429 or 5xx; a retried add answered 409 means the first attempt landed). A step that fails is reported with its
 * error and the others go on; after cancellation the steps not yet started are reported as cancelled.
 */
export async function applyAssociations(io: SyncIO, plan: AssociationPlan, options: ApplyOptions = {}): Promise<ApplyReport> {
  const started = performance.now();
  const sentBefore = io.sent();
  const { signal } = options;
  const items: ApplyItem[] = plan.steps.map((step) => ({ action: step.action, target: step.target, outcome: step.action === "unchanged" ? "alreadyPresent" : "failed" }));
  const work = plan.steps.map((step, index) => ({ step, index })).filter(({ step }) => step.action !== "unchanged");
  normalizeTargets(work.map(({ step }) => step.target), "steps");
  await eachLimited(work, options.concurrency ?? DEFAULT_APPLY_CONCURRENCY, async ({ step, index }) => {
    const action = step.action as "add" | "remove";
    if (signal?.aborted) {
      items[index] = { ...items[index]!, outcome: "failed", error: cancelled };
      return;
    }
    try {
      await io.run("policyAssociation", "manage", manageParams(plan.policyId, action, step.target, plan.orgId), signal);
      items[index] = { ...items[index]!, outcome: action === "add" ? "added" : "removed" };
    } catch (error) {
      // Someone else made the change since the plan: the desired state holds, nothing to redo.
      if (action === "add" && isJumpCloudError(error) && error.kind === "conflict") items[index] = { ...items[index]!, outcome: "alreadyPresent" };
      else if (action === "remove" && isJumpCloudError(error) && error.kind === "associationNotFound") items[index] = { ...items[index]!, outcome: "alreadyAbsent" };
      else items[index] = { ...items[index]!, outcome: "failed", error: signal?.aborted ? cancelled : failureOf(error) };
    }
  });
  const counts = countOutcomes(items);
  return { policyId: plan.policyId, items, counts, complete: counts.failed === 0, requests: io.sent() - sentBefore, durationMs: Math.round(performance.now() - started) };
}
