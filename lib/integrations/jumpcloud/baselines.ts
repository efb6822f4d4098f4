// How JumpCloud policies become baselines and drift: a policy's details (GET /policies/{id}: name, template, values
// by configFieldID, notes) and its direct system and system-group associations, compared field by field; and the
// calls that put one difference back (an association add or remove, or the policy's PUT with the baseline's value).
import type { AssociationRef, BaselineSupport, DriftFinding, PolicyState, PolicyValueState } from "../baseline-contract";
import type { OperationCall } from "../compliance-contract";

const TARGETS = ["system", "system_group"] as const;
const TARGET_LABEL: Record<string, string> = { system: "system", system_group: "system group" };

function orgParams(orgId: string | undefined): Record<string, unknown> {
  return orgId ? { additionalFields: { xOrgId: orgId } } : {};
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** JSON with sorted keys, so two equal values compare equal whatever order JumpCloud lists their keys in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

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
    if (!sameValue(wanted.value, actualValue)) {
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

function revertCalls(finding: DriftFinding, expected: PolicyState, orgId?: string): { calls: OperationCall[]; refusal?: string } {
  const org = orgParams(orgId);
  const manage = (op: "add" | "remove", a: AssociationRef): OperationCall => ({
    resource: "policyAssociation",
    operation: "manage",
    params: { policyId: expected.id, associationData: { op, type: a.type, id: a.id }, ...org },
  });
  const update = (policyData: Record<string, unknown>): OperationCall => ({ resource: "policy", operation: "update", params: { policyId: expected.id, policyData, ...org } });
  switch (finding.kind) {
    case "associationAdded":
      return finding.detail.association ? { calls: [manage("remove", finding.detail.association)] } : { calls: [], refusal: "The association is not known." };
    case "associationRemoved":
      return finding.detail.association ? { calls: [manage("add", finding.detail.association)] } : { calls: [], refusal: "The association is not known." };
    case "valueChanged": {
      const value = expected.values.find((v) => v.field === finding.detail.field);
      if (!value) return { calls: [], refusal: "The baseline no longer has this config field." };
      return { calls: [update({ values: [{ configFieldID: value.field, value: value.value }] })] };
    }
    case "notesChanged":
      return { calls: [update({ notes: expected.notes })] };
    case "policyRenamed":
      return { calls: [update({ name: expected.name })] };
    case "policyDeleted":
      return { calls: [], refusal: "A deleted policy cannot be restored under its id: accept the deletion, or create the policy again from the baseline's values and capture it." };
    case "complianceRegression":
      return { calls: [], refusal: "A compliance result is the device's own report: fix the system, or accept the regression." };
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
  revertCalls,
};
