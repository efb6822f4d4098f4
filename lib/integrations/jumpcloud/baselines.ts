// How JumpCloud policies become baselines and drift: a policy's details (GET /policies/{id}: name, template, values
// by configFieldID, notes) and its direct system and system-group associations, compared field by field; and the
// sync plan that puts one difference back (an association add or remove, or the policy's PUT with the baseline's value).
import type { AssociationRef, BaselineSupport, DriftFinding, PolicyState, PolicyValueState } from "../baseline-contract";
import type { SyncPlan, SyncSupport } from "../sync-contract";
import type { IntegrationClient } from "../types";
import { sameJson } from "@/lib/json/json-value";
import { orgParams } from "./org-params";

const TARGETS = ["system", "system_group"] as const;
const TARGET_LABEL: Record<string, string> = { system: "system", system_group: "system group" };

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function readValues(details: Record<string, unknown>): PolicyValueState[] {
  const fields = Array.isArray(details.configFields) ? details.configFields.filter(isRecord) : [];
  const byId = new Map(fields.map((field) => [text(field.id), field]));
  const values = Array.isArray(details.values) ? details.values.filter(isRecord) : [];
  return values
    .filter((v) => typeof v.configFieldID === "string")
    .map((v) => {
      const field = byId.get(v.configFieldID as string);
      const sensitive = v.sensitive === true || field?.sensitive === true;
      return { field: v.configFieldID as string, name: text(field?.name) || (v.configFieldID as string), value: v.value ?? null, ...(sensitive ? { sensitive } : {}) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function readAssociation(item: unknown): AssociationRef | undefined {
  const to = isRecord(item) && isRecord(item.to) ? item.to : undefined;
  return to && typeof to.id === "string" && typeof to.type === "string" ? { type: to.type, id: to.id } : undefined;
}

const associationKey = (a: AssociationRef) => `${a.type}:${a.id}`;
const associationLabel = (a: AssociationRef) => `${TARGET_LABEL[a.type] ?? a.type} ${a.id}`;

export function toPolicyState(policy: unknown, associations: readonly unknown[]): PolicyState | undefined {
  if (!isRecord(policy) || typeof policy.id !== "string") return undefined;
  const template = isRecord(policy.template) ? policy.template : {};
  const seen = new Map<string, AssociationRef>();
  for (const item of associations) {
    const ref = readAssociation(item);
    if (ref) seen.set(associationKey(ref), ref);
  }
  return {
    id: policy.id,
    name: text(policy.name),
    template: { id: text(template.id), name: text(template.name) || text(template.displayName) || text(template.id) },
    values: readValues(policy),
    notes: text(policy.notes),
    associations: [...seen.keys()].sort().map((key) => seen.get(key)!),
  };
}

export function diffPolicy(expected: PolicyState, actual: PolicyState | undefined): DriftFinding[] {
  const base = { policyId: expected.id, policyName: expected.name };
  if (!actual) {
    return [{ ...base, key: `deleted:${expected.id}`, kind: "policyDeleted", subject: expected.name, detail: {}, expected: expected.name, actual: null }];
  }
  const findings: DriftFinding[] = [];
  if (actual.name !== expected.name) {
    findings.push({ ...base, key: `name:${expected.id}`, kind: "policyRenamed", subject: "name", detail: {}, expected: expected.name, actual: actual.name });
  }
  if (actual.notes !== expected.notes) {
    findings.push({ ...base, key: `notes:${expected.id}`, kind: "notesChanged", subject: "notes", detail: {}, expected: expected.notes, actual: actual.notes });
  }
  const current = new Map(actual.values.map((v) => [v.field, v]));
  for (const wanted of expected.values) {
    const now = current.get(wanted.field);
    // A masked secret reads the same whatever it holds: comparing it would report drift on every check.
    if (wanted.sensitive || now?.sensitive) continue;
    const actualValue = now === undefined ? null : now.value;
    if (!sameJson(wanted.value, actualValue)) {
      findings.push({ ...base, key: `value:${expected.id}:${wanted.field}`, kind: "valueChanged", subject: wanted.name, detail: { field: wanted.field }, expected: wanted.value, actual: actualValue });
    }
  }
  const wantedAssociations = new Set(expected.associations.map(associationKey));
  const actualAssociations = new Set(actual.associations.map(associationKey));
  for (const a of actual.associations) {
    if (!wantedAssociations.has(associationKey(a))) {
      findings.push({ ...base, key: `assoc+:${expected.id}:${associationKey(a)}`, kind: "associationAdded", subject: associationLabel(a), detail: { association: a }, expected: null, actual: associationLabel(a) });
    }
  }
  for (const a of expected.associations) {
    if (!actualAssociations.has(associationKey(a))) {
      findings.push({ ...base, key: `assoc-:${expected.id}:${associationKey(a)}`, kind: "associationRemoved", subject: associationLabel(a), detail: { association: a }, expected: associationLabel(a), actual: null });
    }
  }
  return findings;
}

/**
 * One finding put back through the sync planner: an association add (add-only with just that target), an
 * association remove (the exact plan against the baseline's associations, narrowed to that target's removal, so
 * other drift is left for its own decision), or the policy's name, one value or its notes.
 */
async function planRevert(
  sync: SyncSupport,
  client: IntegrationClient,
  finding: DriftFinding,
  expected: PolicyState,
  options: { orgId?: string; signal?: AbortSignal } = {},
): Promise<{ plan: SyncPlan | null; refusal?: string }> {
  const { orgId, signal } = options;
  const scope = { policyId: expected.id, ...(orgId ? { orgId } : {}) };
  const signalOption = signal ? { signal } : {};
  const association = finding.detail.association;
  switch (finding.kind) {
    case "associationRemoved":
      if (!association) return { plan: null, refusal: "The association is not known." };
      return { plan: await sync.planAssociations(client, { ...scope, desired: [association], mode: "add-only" }, signalOption) };
    case "associationAdded": {
      if (!association) return { plan: null, refusal: "The association is not known." };
      const desired = expected.associations.filter((a) => sync.targetTypes.includes(a.type));
      const full = await sync.planAssociations(client, { ...scope, desired, mode: "exact" }, signalOption);
      const steps = full.steps.filter((step) => step.action === "remove" && step.target.type === association.type && step.target.id === association.id);
      return { plan: { ...full, steps, counts: { add: 0, remove: steps.length, unchanged: 0 } } };
    }
    case "valueChanged": {
      const value = expected.values.find((v) => v.field === finding.detail.field);
      if (!value) return { plan: null, refusal: "The baseline no longer has this config field." };
      return { plan: await sync.planPolicyUpdate(client, { ...scope, desired: { values: { [value.field]: value.value } } }, signalOption) };
    }
    case "notesChanged":
      return { plan: await sync.planPolicyUpdate(client, { ...scope, desired: { notes: expected.notes } }, signalOption) };
    case "policyRenamed":
      return { plan: await sync.planPolicyUpdate(client, { ...scope, desired: { name: expected.name } }, signalOption) };
    case "policyDeleted":
      return { plan: null, refusal: "A deleted policy cannot be restored under its id: accept the deletion, or create the policy again from the baseline's values and capture it." };
    case "complianceRegression":
      return { plan: null, refusal: "A compliance result is the device's own report: fix the system, or accept the regression." };
  }
}

export const jumpcloudBaselines: BaselineSupport = {
  readPolicy: (policyId, orgId) => ({ resource: "policy", operation: "get", params: { policyId, ...orgParams(orgId) } }),
  readAssociations: (policyId, orgId) => ({
    resource: "policyAssociation",
    operation: "list",
    params: { policyId, targets: [...TARGETS], returnAll: true, ...orgParams(orgId) },
  }),
  toState: toPolicyState,
  policyGone: (kind) => kind === "policyNotFound",
  diff: diffPolicy,
  planRevert,
};
