// The planner through the HTTP API: plan a policy's associations against a desired list, or plan and apply them, with
// a saved credential (its shared request budget, the usage audit, and a run record for each apply). Vendor-neutral:
// the service's planner comes from its IntegrationDefinition.sync.
import "server-only";
import { z } from "zod";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/audit-log";
import type { GuardContext } from "@/lib/auth/guard";
import { clientForCredential } from "@/lib/credentials/credential-connection";
import { CredentialError } from "@/lib/credentials/credential-errors";
import { AppError } from "@/lib/errors/app-error";
import { SYNC_MODES, type ApplyReport, type AssociationPlan, type AssociationTarget } from "@/lib/integrations/sync-contract";
import { credentialReferenceSchema } from "@/lib/nodes/node-config";
import { findCredentialId } from "@/lib/runs/execute-node";
import { recordRun } from "@/lib/runs/run-record";

export const MAX_API_TARGETS = 10_000;

const targetSchema = z.union([z.string().trim().min(1), z.object({ type: z.string().trim().min(1).optional(), id: z.string().trim().min(1) }).strict()]);

export const associationPlanRequestSchema = z
  .object({
    credential: credentialReferenceSchema.describe("The credential to read and write with: its id or name, or { id } / { name }."),
    policyId: z.string().trim().min(1),
    targets: z.array(targetSchema).max(MAX_API_TARGETS, `at most ${MAX_API_TARGETS} targets; split the list`).describe("The desired targets: ids, or { type, id } items."),
    targetType: z.string().trim().min(1).default("system_group").describe("The type of targets given as bare ids (system or system_group)."),
    mode: z.enum(SYNC_MODES as [string, ...string[]]).default("add-only").describe("add-only never removes; exact also removes every association not in the list."),
    orgId: z.string().trim().min(1).optional().describe("The organization (x-org-id) for multi-org credentials."),
  })
  .strict();

export const associationApplyRequestSchema = associationPlanRequestSchema
  .extend({
    concurrency: z.number().int().min(1).max(32).default(16).describe("Changes in flight at once; the credential's request budget bounds the rate."),
    expected: z
      .object({ add: z.number().int().min(0), remove: z.number().int().min(0) })
      .strict()
      .optional()
      .describe("The counts of the plan you reviewed: the apply is refused (409) when a fresh plan differs, so nothing you did not see is changed."),
  })
  .strict();

export type AssociationPlanRequest = z.infer<typeof associationPlanRequestSchema>;
export type AssociationApplyRequest = z.infer<typeof associationApplyRequestSchema>;

const requestSchema = z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()), body: z.unknown().optional(), purpose: z.string() });
const targetOut = z.object({ type: z.string(), id: z.string() });

export const associationPlanSchema = z.object({
  kind: z.literal("associations"),
  policyId: z.string(),
  orgId: z.string().optional(),
  mode: z.string(),
  targetTypes: z.array(z.string()),
  current: z.number().int(),
  counts: z.object({ add: z.number().int(), remove: z.number().int(), unchanged: z.number().int() }),
  steps: z.array(z.object({ action: z.enum(["add", "remove", "unchanged"]), target: targetOut, request: requestSchema.optional() })),
  reads: z.array(requestSchema),
  requests: z.number().int(),
});

export const applyReportSchema = z.object({
  policyId: z.string(),
  items: z.array(
    z.object({
      action: z.string(),
      target: targetOut.optional(),
      outcome: z.enum(["added", "removed", "updated", "alreadyPresent", "alreadyAbsent", "unchanged", "failed"]),
      error: z.object({ kind: z.string(), message: z.string(), advice: z.string().optional() }).optional(),
    }),
  ),
  counts: z.record(z.string(), z.number().int()),
  complete: z.boolean(),
  requests: z.number().int(),
  durationMs: z.number().int(),
});

export const associationApplyResponseSchema = z.object({ plan: associationPlanSchema, report: applyReportSchema, runId: z.string() });

function desiredOf(request: AssociationPlanRequest): AssociationTarget[] {
  return request.targets.map((t) => (typeof t === "string" ? { type: request.targetType, id: t } : { type: t.type ?? request.targetType, id: t.id }));
}

/** The credential's client and the service's planner, or the refusal naming what to change. */
async function open(request: AssociationPlanRequest, context: GuardContext, what: string) {
  const { id } = await findCredentialId(request.credential);
  let opened: Awaited<ReturnType<typeof clientForCredential>>;
  try {
    opened = await clientForCredential(id);
  } catch (error) {
    if (error instanceof CredentialError) throw new AppError(error.kind === "cannotDecrypt" ? "cannotDecrypt" : "invalidCredential", error.message, { path: "credential" });
    throw error;
  }
  const sync = opened.integration.sync;
  if (!sync) throw new AppError("invalid", `${opened.integration.label} credentials cannot plan associations.`, { path: "credential" });
  await recordAuditEvent({ actor: context.user, action: AUDIT_ACTIONS.credentialUsed, target: opened.credential.name, metadata: { resource: "policyAssociation", operation: what, via: "api" }, ip: context.ip });
  return { ...opened, sync };
}

export async function planAssociationsFor(request: AssociationPlanRequest, context: GuardContext, signal?: AbortSignal): Promise<AssociationPlan> {
  const { client, sync } = await open(request, context, "plan");
  return sync.planAssociations(client, { policyId: request.policyId, desired: desiredOf(request), mode: request.mode as "add-only" | "exact", ...(request.orgId ? { orgId: request.orgId } : {}) }, signal ? { signal } : {});
}

/** Plans afresh and applies; recorded as a run of policyAssociation sync with every item's outcome. */
export async function applyAssociationsFor(
  request: AssociationApplyRequest,
  context: GuardContext,
  signal?: AbortSignal,
): Promise<{ plan: AssociationPlan; report: ApplyReport; runId: string }> {
  const started = performance.now();
  const { client, sync, integration, credential } = await open(request, context, "apply");
  const plan = await sync.planAssociations(client, { policyId: request.policyId, desired: desiredOf(request), mode: request.mode as "add-only" | "exact", ...(request.orgId ? { orgId: request.orgId } : {}) }, signal ? { signal } : {});
  if (request.expected && (request.expected.add !== plan.counts.add || request.expected.remove !== plan.counts.remove)) {
    throw new AppError(
      "conflict",
      `The associations changed since you planned: the plan now adds ${plan.counts.add} and removes ${plan.counts.remove} (you reviewed ${request.expected.add} and ${request.expected.remove}). Nothing was changed; plan again and review it.`,
      { path: "expected" },
    );
  }
  const report = await sync.applyPlan(client, plan, { concurrency: request.concurrency, ...(signal ? { signal } : {}) });
  const runId = await recordRun(
    { via: "api", actor: context.user, service: integration.id, resource: "policyAssociation", operation: "sync", credential, inlineConfig: { policyId: request.policyId, mode: request.mode, targets: request.targets.length } },
    {
      status: report.complete ? "success" : "error",
      durationMs: Math.round(performance.now() - started),
      requests: plan.requests + report.requests,
      items: report.items,
      ...(report.complete ? {} : { errorKind: "partialApply", errorMessage: `${report.counts.failed} of ${report.items.length} items failed; apply again to finish the rest.` }),
    },
  );
  return { plan, report, runId };
}
