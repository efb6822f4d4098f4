// Plans and applies a policy's name, config values and notes against desired ones (restoring a baseline). JumpCloud's
// PUT replaces the whole policy, so apply goes through the policy update operation: it re-reads the policy, merges the
// changes and refuses to write a sensitive value JumpCloud returned masked. A desired value that is itself such a mask
// (a baseline captured from JumpCloud) is skipped, never sent back.
import type { ApplyOptions, ApplyReport, PlanPolicyRequest, PolicyChange, PolicyPlan } from "../../sync-contract";
import { JumpCloudError } from "../errors";
import { isMasked, type PolicyDetails } from "../operations/policy";
import { isObjectId } from "../operations/schemas";
import { mergeValues, toValueList, type ConfigField, type PolicyValue } from "../policy-values";
import { countOutcomes, failureOf } from "./association-plan";
import type { SyncIO } from "./sync-io";
import { sameJson } from "@/lib/json/json-value";
import { orgParams } from "../org-params";


export async function planPolicyUpdate(io: SyncIO, request: PlanPolicyRequest, signal?: AbortSignal): Promise<PolicyPlan> {
  const { policyId, desired, orgId } = request;
  if (!isObjectId(policyId)) throw new JumpCloudError({ kind: "invalidParameters", message: "Invalid parameter policyId: must be a JumpCloud ObjectID (24 hexadecimal characters).", path: "policyId" });
  const sentBefore = io.sent();
  const getParams = { policyId, ...orgParams(orgId) };
  const current = (await io.run("policy", "get", getParams, signal))[0] as PolicyDetails;
  const templateId = current.template?.id;
  if (!templateId) throw new JumpCloudError({ kind: "unexpectedResponse", message: "JumpCloud returned the policy without its template." });
  const templateName = current.template?.name ?? templateId;
  const reads = io.requests("policy", "get", getParams);
  let fields = current.configFields;
  if (!fields) {
    const templateParams = { id: templateId, ...orgParams(orgId) };
    fields = ((await io.run("policyTemplate", "get", templateParams, signal))[0] as { configFields?: ConfigField[] } | undefined)?.configFields ?? [];
    reads.push(...io.requests("policyTemplate", "get", templateParams));
  }
  const byId = new Map(fields.map((f) => [f.id, f]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const currentValues = new Map((current.values ?? []).map((v) => [v.configFieldID, v]));

  const changes: PolicyChange[] = [];
  const skipped: PolicyPlan["skipped"] = [];
  const changedValues: PolicyValue[] = [];
  if (desired.name !== undefined && desired.name !== current.name) changes.push({ field: "name", from: current.name, to: desired.name });
  for (const value of desired.values ? toValueList(desired.values, fields, templateName, "desired.values") : []) {
    const sensitive = value.sensitive || byId.get(value.configFieldID)?.sensitive === true;
    const was = currentValues.get(value.configFieldID);
    if (sensitive && isMasked(value.value)) {
      skipped.push({ key: nameOf(value.configFieldID), reason: "sensitive: JumpCloud returns it masked, so the mask is never written back; give the real value to change it" });
      continue;
    }
    // A sensitive current value is masked: it cannot be compared, so a given value is always written.
    if (!sensitive && was && sameJson(was.value, value.value)) continue;
    changes.push({ field: "value", key: nameOf(value.configFieldID), from: sensitive ? "••••" : (was?.value ?? null), to: value.value });
    changedValues.push(value);
  }
  if (desired.notes !== undefined && desired.notes !== (current.notes ?? "")) changes.push({ field: "notes", from: current.notes ?? "", to: desired.notes });

  const merged = mergeValues(current.values ?? [], changedValues);
  const blocked = merged
    .filter((v) => (v.sensitive || byId.get(v.configFieldID)?.sensitive) && isMasked(v.value))
    .map((v) => `${nameOf(v.configFieldID)} is sensitive and JumpCloud returned it masked; the whole-policy write would overwrite it, so give its value in values.${nameOf(v.configFieldID)}.`);
  const name = desired.name ?? current.name;
  const notes = desired.notes ?? current.notes;
  const writes =
    changes.length === 0
      ? []
      : [
          ...io.requests("policy", "get", getParams).map((r) => ({ ...r, purpose: "Read the policy again (the write replaces the whole policy)" })),
          ...io.requests("policy", "update", { policyId, policyData: { name }, ...orgParams(orgId) }).slice(-1).map((r) => ({
            ...r,
            purpose: "Write the policy back with the changes",
            body: { name, template: { id: templateId }, values: merged, ...(notes === undefined ? {} : { notes }) },
          })),
        ];
  return { kind: "policy", policyId, ...(orgId ? { orgId } : {}), changes, skipped, blocked, writes, reads, requests: io.sent() - sentBefore };
}

export async function applyPolicyPlan(io: SyncIO, plan: PolicyPlan, options: ApplyOptions = {}): Promise<ApplyReport> {
  const started = performance.now();
  const sentBefore = io.sent();
  const finish = (item: ApplyReport["items"][number]): ApplyReport => {
    const counts = countOutcomes([item]);
    return { policyId: plan.policyId, items: [item], counts, complete: counts.failed === 0, requests: io.sent() - sentBefore, durationMs: Math.round(performance.now() - started) };
  };
  if (plan.changes.length === 0) return finish({ action: "update", outcome: "unchanged" });
  if (plan.blocked.length > 0) {
    return finish({ action: "update", outcome: "failed", error: { kind: "invalidParameters", message: plan.blocked[0]!, advice: "Add the sensitive values to the desired state and plan again." } });
  }
  const policyData: Record<string, unknown> = {};
  for (const change of plan.changes) {
    if (change.field === "name") policyData.name = change.to;
    else if (change.field === "notes") policyData.notes = change.to;
  }
  // Values are re-keyed by name in the plan for display; the update resolves names and ids alike.
  const byKey: Record<string, unknown> = {};
  for (const change of plan.changes) if (change.field === "value" && change.key) byKey[change.key] = change.to;
  if (Object.keys(byKey).length > 0) policyData.values = byKey;
  try {
    await io.run("policy", "update", { policyId: plan.policyId, policyData, ...orgParams(plan.orgId) }, options.signal);
    return finish({ action: "update", outcome: "updated" });
  } catch (error) {
    return finish({ action: "update", outcome: "failed", error: failureOf(error) });
  }
}
