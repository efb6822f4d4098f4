// Policy association: list a policy's direct associations, and add, remove or update one.
import { z } from "zod";
import { JumpCloudError, isJumpCloudError } from "../errors";
import { lookupInput, MAX_PAGE_SIZE, type CallInput } from "../request-builder";
import { listRecords, send, type RunContext } from "../run-context";
import { applyAssociations, DEFAULT_APPLY_CONCURRENCY, planAssociations, SYNC_TARGET_TYPES } from "../sync/association-plan";
import { ioFromContext } from "../sync/sync-io";
import { define, policyIdParam, type Params } from "./define";
import { associationTargets, flexibleBoolean, objectId, syncTargetsSchema, targetsSchema, type SyncTargetInput } from "./schemas";

const ACCEPT_ON_RETRY = { add: [409], remove: [404], update: [] } as const;
const targetOptions = associationTargets.map((t) => ({ value: t, label: t.replace("_", " ") }));
const TARGET_LABEL: Record<string, string> = { system: "system", system_group: "system group", user: "user", user_group: "user group" };

interface AssociationData {
  op: "add" | "remove" | "update";
  type: string;
  id: string;
  attributes?: Record<string, unknown> | null;
}

const dataOf = (params: Params) => params.associationData as AssociationData;
const DEFAULT_TARGETS = ["system", "system_group"] as const;

const ASSOCIATIONS_PATH = "/policies/{policy_id}/associations";
/** Manage and Sync both write through the one endpoint, with the same scopes. */
const WRITE_ASSOCIATIONS = { method: "POST", path: ASSOCIATIONS_PATH, scopes: ["associations.systems", "associations"], notFound: "policyNotFound" } as const;

/**
 * A 404 on POST /policies/{id}/associations may mean a missing policy, a missing target or (for remove and update)
 * an association that does not exist. JumpCloud's message does not say which reliably, so ask: is the policy there,
 * and is the target among its associations? Only a failed call pays for these reads.
 */
async function explainNotFound(ctx: RunContext, params: Params, input: CallInput, error: JumpCloudError): Promise<JumpCloudError> {
  const a = dataOf(params);
  const policyId = String(params.policyId);
  const target = `${TARGET_LABEL[a.type] ?? a.type} ${a.id}`;
  const details = { upstreamStatus: 404, ...(error.request ? { request: error.request } : {}) };
  try {
    await send(ctx, ctx.operation("policy", "get"), lookupInput(input, { path: { id: policyId } }));
    if (a.op === "add") {
      return new JumpCloudError({ kind: "targetNotFound", path: "associationData.id", ...details, message: `The ${target} was not found in this organization (HTTP 404), so it cannot be associated with policy ${policyId}.` });
    }
    const associated = await listRecords(ctx, ctx.operation("policyAssociation", "list"), lookupInput(input, { path: { policy_id: policyId }, returnAll: true, query: { targets: [a.type] } }));
    const bound = associated.some((item) => (item as { to?: { id?: unknown } }).to?.id === a.id);
    if (bound) return new JumpCloudError({ kind: "targetNotFound", path: "associationData.id", ...details, message: `The ${target} was not found (HTTP 404) although policy ${policyId} lists it.` });
    return new JumpCloudError({
      kind: "associationNotFound",
      path: "associationData.id",
      ...details,
      message: `Policy ${policyId} is not associated with the ${target} (HTTP 404), so there is nothing to ${a.op}.`,
    });
  } catch (lookup) {
    // The policy itself is missing (the original answer says so), or the reads failed: keep the original error.
    if (isJumpCloudError(lookup) && lookup.kind === "cancelled") throw lookup;
    return error;
  }
}

const syncTypeOptions = SYNC_TARGET_TYPES.map((t) => ({ value: t, label: t.replace("_", " ") }));
/** The static preview lists at most this many of a sync's possible writes; a dry run lists the real ones. */
const PREVIEW_WRITES = 100;

interface SyncParams {
  policyId: string;
  targets: SyncTargetInput[];
  targetType: string;
  mode: "add-only" | "exact";
  dryRun: boolean;
}

const syncOf = (params: Params) => params as unknown as SyncParams;
const desiredOf = (params: SyncParams) => params.targets.map((t) => ({ type: t.type ?? params.targetType, id: t.id }));

/** The desired set of a policy's associations: plan (dry run) or apply the adds and, in exact mode, the removes. */
const sync = define({
  resource: "policyAssociation",
  operation: "sync",
  label: "Sync",
  description: "Makes a policy's associations match a list of systems or system groups: reads the current ones, then adds what is missing (and, in exact mode, removes the rest)",
  ...WRITE_ASSOCIATIONS,
  parameters: [
    policyIdParam(),
    {
      name: "targets",
      label: "Targets",
      help: "The desired systems or system groups: a list of ObjectIDs or {type, id} items, usually from the input data through a template such as {{ groups }}. Records with an id (and association records with to.id) work as they are.",
      kind: "json",
      in: "client",
      required: true,
      placeholder: '["5a1b2c3d4e5f67890abcdef1"]',
      schema: syncTargetsSchema,
    },
    {
      name: "targetType",
      label: "Target Type",
      help: "The kind of the targets given as bare ids (an item's own type wins).",
      kind: "options",
      in: "client",
      required: false,
      options: syncTypeOptions,
      default: "system_group",
      schema: z.enum(SYNC_TARGET_TYPES, { error: `targetType must be one of ${SYNC_TARGET_TYPES.join(", ")}` }).default("system_group"),
    },
    {
      name: "mode",
      label: "Mode",
      help: "add-only adds what is missing and never removes; exact also removes every system and system group association not in the list.",
      kind: "options",
      in: "client",
      required: false,
      options: [
        { value: "add-only", label: "Add only" },
        { value: "exact", label: "Exact (also remove)" },
      ],
      default: "add-only",
      schema: z.enum(["add-only", "exact"], { error: "mode must be add-only or exact" }).default("add-only"),
    },
    {
      name: "dryRun",
      label: "Dry Run",
      help: "Only plan: read the current associations and return what would be added and removed, changing nothing.",
      kind: "boolean",
      in: "client",
      required: false,
      default: false,
      schema: flexibleBoolean.default(false),
    },
  ],
  example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789", targets: ["5a1b2c3d4e5f67890abcdef1"], targetType: "system_group", mode: "add-only" },
  async run(ctx, params, input) {
    const p = syncOf(params);
    const io = ioFromContext(ctx);
    const orgId = input.headers["x-org-id"];
    const plan = await planAssociations(io, { policyId: p.policyId, desired: desiredOf(p), mode: p.mode, ...(orgId ? { orgId } : {}) });
    const row = (step: { action: string; target?: { type: string; id: string } }) => ({ policyId: p.policyId, action: step.action, type: step.target?.type, id: step.target?.id });
    if (p.dryRun) return plan.steps.map((step) => ({ ...row(step), outcome: step.action === "unchanged" ? "alreadyPresent" : "planned" }));
    const report = await applyAssociations(io, plan, { concurrency: DEFAULT_APPLY_CONCURRENCY, signal: ctx.signal });
    if (report.counts.failed > 0) {
      ctx.warnings.push({
        path: "targets",
        severity: "warning",
        code: "partialApply",
        message: `${report.counts.failed} of ${plan.counts.add + plan.counts.remove} changes failed (see each item's error); run the sync again to finish the rest: it only sends what is still missing.`,
      });
    }
    return report.items.map((item) => ({ ...row(item), outcome: item.outcome, ...(item.error ? { error: item.error } : {}) }));
  },
  plan(ctx, params, input) {
    const p = syncOf(params);
    const desired = desiredOf(p);
    const types = p.mode === "exact" ? [...SYNC_TARGET_TYPES] : SYNC_TARGET_TYPES.filter((type) => desired.some((t) => t.type === type));
    const list = ctx.operation("policyAssociation", "list");
    const listInput = lookupInput(input, { path: { policy_id: p.policyId }, returnAll: true, query: { targets: types } });
    for (const type of types) {
      ctx.add(list, listInput, `Read the current ${type.replace("_", " ")} associations`, { fanOut: type, page: { skip: 0, limit: MAX_PAGE_SIZE } }, {
        pagination: { pageSize: MAX_PAGE_SIZE, until: `a page returns fewer than ${MAX_PAGE_SIZE} records` },
      });
    }
    if (p.dryRun) {
      ctx.note("Dry run: only the reads are sent; the result lists each target as planned (to add or remove) or already present.");
      return;
    }
    const manage = ctx.operation("policyAssociation", "manage");
    for (const target of desired.slice(0, PREVIEW_WRITES)) {
      ctx.add(manage, input, `Add ${target.type.replace("_", " ")} ${target.id}, unless it is already associated`, { body: { op: "add", type: target.type, id: target.id } });
    }
    if (desired.length > PREVIEW_WRITES) ctx.note(`…and up to ${desired.length - PREVIEW_WRITES} more adds like these; a dry run lists every one.`);
    if (p.mode === "exact") ctx.note("Exact mode: every current system and system group association not in the list is removed (one POST with op remove each); a dry run lists them.");
    ctx.note(`Only the differences are sent, ${DEFAULT_APPLY_CONCURRENCY} at once within the credential's request budget; a target already associated is reported as already present, so running the sync again changes nothing.`);
  },
  describeWrite: (params) => {
    const p = syncOf(params);
    const what = `${p.targets.length} target${p.targets.length === 1 ? "" : "s"}`;
    if (p.dryRun) return { action: "Plan sync", summary: `Plan the associations of policy ${p.policyId} with ${what}; nothing is changed (dry run)`, destructive: false };
    if (p.mode === "exact") {
      return { action: "Sync associations", summary: `Make policy ${p.policyId}'s associations exactly these ${what}: every other system and system group association is removed`, destructive: true };
    }
    return { action: "Sync associations", summary: `Associate policy ${p.policyId} with ${what} that are not associated yet (nothing is removed)`, destructive: false };
  },
});

export const policyAssociationOperations = [
  define({
    resource: "policyAssociation",
    operation: "list",
    label: "List",
    description: "Returns direct associations of a policy (systems and system groups)",
    method: "GET",
    path: ASSOCIATIONS_PATH,
    scopes: ["associations.systems", "associations.systems.readonly", "associations", "associations.readonly"],
    notFound: "policyNotFound",
    // One request per target kind, results merged.
    fanOut: "targets",
    parameters: [
      policyIdParam(),
      {
        name: "targets",
        label: "Targets",
        help: "Which kinds of associations to list (default: system and system_group, as the integration guide documents); one request per target, results merged.",
        kind: "multiOptions",
        in: "query",
        wireName: "targets",
        required: false,
        options: targetOptions,
        default: DEFAULT_TARGETS,
        // JumpCloud requires targets; left out, it is the guide's documented pair rather than a 400.
        schema: targetsSchema.default([...DEFAULT_TARGETS]),
      },
    ],
    listOptions: ["limit", "skip"],
    example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789", targets: ["system", "system_group"] },
  }),
  define({
    resource: "policyAssociation",
    operation: "manage",
    label: "Manage",
    description: "Adds or removes associations between policies and systems/system groups",
    ...WRITE_ASSOCIATIONS,
    parameters: [
      policyIdParam(),
      {
        name: "associationData",
        label: "Association",
        help: "What to change: the operation, the kind of target and the target's ObjectID.",
        kind: "collection",
        in: "body",
        required: true,
        children: [
          {
            name: "op",
            label: "Operation",
            help: "add, remove or update the association.",
            kind: "options",
            in: "body",
            required: true,
            options: [
              { value: "add", label: "Add" },
              { value: "remove", label: "Remove" },
              { value: "update", label: "Update" },
            ],
            schema: z.enum(["add", "remove", "update"], { error: "op must be add, remove or update" }),
          },
          {
            name: "type",
            label: "Target Type",
            help: "The kind of object the policy is associated with.",
            kind: "options",
            in: "body",
            required: true,
            options: targetOptions,
            schema: z.enum(associationTargets, { error: `type must be one of ${associationTargets.join(", ")}` }),
          },
          {
            name: "id",
            label: "Target ID",
            help: "The system or system group: pick one from the list, or paste the ObjectID of the system, system group, user or user group.",
            kind: "resourceLocator",
            // Systems are listed by hostname, groups by name; users and user groups are pasted.
            locatorBy: { sibling: "type", locators: { system: { resource: "system", operation: "list" }, system_group: { resource: "systemGroup", operation: "list" } } },
            in: "body",
            required: true,
            placeholder: "5a1b2c3d4e5f67890abcdef1",
            schema: objectId("associationData.id"),
          },
          {
            name: "attributes",
            label: "Attributes",
            help: "Optional association attributes (JSON object).",
            kind: "json",
            in: "body",
            required: false,
            schema: z.record(z.string(), z.unknown()).nullable(),
          },
        ],
        schema: z.unknown(),
      },
    ],
    example: {
      policyId: "5f4d7c8e9a1b2c3d4e5f6789",
      associationData: { op: "add", type: "system", id: "5a1b2c3d4e5f67890abcdef1" },
    },
    // Safe to retry: adding or removing the same edge twice leaves the same graph. A repeated add may be
    // answered 409 (and a repeated remove 404), which then means the first, unanswered attempt landed.
    idempotent: true,
    acceptOnRetry: (params) => ACCEPT_ON_RETRY[dataOf(params).op],
    async run(ctx, params, input) {
      try {
        await send(ctx, ctx.operation("policyAssociation", "manage"), input, {}, { acceptOnRetry: ACCEPT_ON_RETRY[dataOf(params).op] });
      } catch (error) {
        if (isJumpCloudError(error) && error.upstreamStatus === 404) throw await explainNotFound(ctx, params, input, error);
        throw error;
      }
      return [{ policyId: input.path.policy_id, ...dataOf(params), success: true }];
    },
    describeWrite: (params) => {
      const a = dataOf(params);
      const target = `${TARGET_LABEL[a.type] ?? a.type} ${a.id}`;
      const policy = String(params.policyId);
      if (a.op === "remove") return { action: "Remove association", summary: `Remove the association of policy ${policy} with ${target}`, destructive: true };
      if (a.op === "update") return { action: "Update association", summary: `Update the association of policy ${policy} with ${target}`, destructive: false };
      return { action: "Add association", summary: `Associate policy ${policy} with ${target}`, destructive: false };
    },
  }),
  sync,
];
