// Warnings for filter, sort and fields entries that name a field the results do not have. They are
// warnings, not errors: the request is sent as written and the user decides. Browser-safe.
import { formatPath, isPlainObject, type JsonObject, type NodeIssue } from "@/lib/json/json-value";
import { closestNames } from "@/lib/text/closest-names";

/** The fields of each JumpCloud result object, exactly as in the spec (api-notes section 5). */
export const RESULT_OBJECT_FIELDS = {
  Policy: ["id", "name", "template"],
  PolicyTemplate: [
    "id", "name", "displayName", "description", "osMetaFamily", "activation", "behavior", "deliveryTypes", "state", "alert",
    "reference", "osRestrictions",
  ],
  PolicyResult: [
    "id", "policyID", "systemID", "userObjectId", "startedAt", "endedAt", "success", "exitStatus", "stdErr", "stdOut", "state",
    "detail",
  ],
  GraphConnection: ["to", "from", "attributes"],
  GraphObjectWithPaths: ["id", "type", "compiledAttributes", "paths", "externalId", "syncStatus"],
} as const satisfies Record<string, readonly string[]>;
export type ResultObject = keyof typeof RESULT_OBJECT_FIELDS;

/** What the list operations of each resource return (policy statuses are PolicyResults too). */
export const RESOURCE_RESULT_OBJECT: Readonly<Record<string, ResultObject>> = {
  policy: "Policy",
  policyAssociation: "GraphConnection",
  policyTraversal: "GraphObjectWithPaths",
  policyResult: "PolicyResult",
  policyStatus: "PolicyResult",
  policyTemplate: "PolicyTemplate",
};

const RESULT_OBJECT_LABEL: Record<ResultObject, string> = {
  Policy: "Policies",
  PolicyTemplate: "Policy templates",
  PolicyResult: "Policy results",
  GraphConnection: "Associations",
  GraphObjectWithPaths: "Traversal results",
};

// Words people reach for that the spec spells differently.
const SYNONYMS: Record<string, readonly string[]> = {
  status: ["state", "success", "exitStatus"],
  result: ["success", "state", "exitStatus"],
  timestamp: ["startedAt", "endedAt"],
  time: ["startedAt", "endedAt"],
  date: ["startedAt", "endedAt"],
  createdAt: ["startedAt"],
  updatedAt: ["endedAt"],
  os: ["osMetaFamily"],
  platform: ["osMetaFamily"],
  policyId: ["policyID"],
  systemId: ["systemID"],
  template: ["name", "displayName"],
};

/** The known fields closest to an unknown one: spelling variants, then synonyms, then near misses. */
export function closestFields(field: string, known: readonly string[]): string[] {
  return closestNames(field, known, { synonyms: SYNONYMS });
}

type ListField = "filter" | "sort" | "fields";

function fieldOf(kind: ListField, entry: string): string {
  if (kind === "filter") return entry.split(":")[0]!.trim();
  if (kind === "sort") return entry.trim().replace(/^-/, "");
  return entry.trim();
}

/** Each entry with its location; sort and fields may also be comma-separated strings. */
function entriesOf(kind: ListField, value: unknown): Array<{ entry: string; path: Array<string | number> }> {
  const split = (text: string) => (kind === "filter" ? [text] : text.split(","));
  if (typeof value === "string") return split(value).map((entry) => ({ entry, path: ["options", kind] }));
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) =>
    typeof item === "string" ? split(item).map((entry) => ({ entry, path: ["options", kind, index] })) : [],
  );
}

/**
 * Checks `options.filter`, `options.sort` and `options.fields` against the fields of the resource's
 * result objects. Nested fields (`template.name`) are checked by their first part.
 */
export function findFieldWarnings(resource: string, parameters: JsonObject): NodeIssue[] {
  const objectName = RESOURCE_RESULT_OBJECT[resource];
  const options = parameters.options;
  if (objectName === undefined || !isPlainObject(options)) return [];
  const known: readonly string[] = RESULT_OBJECT_FIELDS[objectName];
  const warnings: NodeIssue[] = [];
  for (const kind of ["filter", "sort", "fields"] as const) {
    for (const { entry, path } of entriesOf(kind, options[kind])) {
      const field = fieldOf(kind, entry);
      const head = field.split(".")[0]!;
      if (head === "" || known.includes(head)) continue;
      const closest = closestFields(head, known);
      const hint = closest.length > 0 ? `closest: ${closest.join(", ")}` : `known fields: ${known.join(", ")}`;
      warnings.push({
        path: formatPath(path),
        severity: "warning",
        message: `${RESULT_OBJECT_LABEL[objectName]} have no field "${head}" (${hint}). It is sent as written; JumpCloud may ignore it or reject it.`,
      });
    }
  }
  return warnings;
}
