// Warnings for list options that are valid syntax but would not do what they say: filter, sort and fields entries
// naming a field the results do not have (each with a one-click fix to the closest field), filter values JumpCloud
// would split at a comma, and date filters whose value is not a date. The request is sent as written unless the
// node's `strict` option turns unknown fields into errors. Browser-safe.
import { formatPath, isPlainObject, type JsonObject, type NodeIssue, type PathSegment } from "@/lib/json/json-value";
import { closestNames } from "@/lib/text/closest-names";
import { parseFilter } from "./filters";

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

/** Fields JumpCloud compares as instants (spec: format date-time). */
const DATE_FIELDS: Partial<Record<ResultObject, readonly string[]>> = { PolicyResult: ["startedAt", "endedAt"] };

/** What the list operations of each resource return (policy statuses are PolicyResults too). */
export const RESOURCE_RESULT_OBJECT: Readonly<Record<string, ResultObject>> = {
  policy: "Policy",
  policyAssociation: "GraphConnection",
  policyTraversal: "GraphObjectWithPaths",
  policyResult: "PolicyResult",
  policyStatus: "PolicyResult",
  policyTemplate: "PolicyTemplate",
};

/** A filter that exists on the resource's records, for the placeholder of the filter option. */
export const FILTER_EXAMPLE: Readonly<Record<ResultObject, string>> = {
  Policy: "name:eq:Security Compliance Policy",
  PolicyTemplate: "osMetaFamily:eq:windows",
  PolicyResult: "state:eq:failed",
  GraphConnection: "to.type:eq:system",
  GraphObjectWithPaths: "type:eq:system",
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

/** One entry of a list option: where it is, and the whole value at that path (a comma list holds several). */
interface Entry {
  entry: string;
  path: PathSegment[];
  /** The string stored at `path`, and where this entry starts in it. */
  whole: string;
  offset: number;
}

function fieldOf(kind: ListField, entry: string): { field: string; start: number } {
  const lead = entry.length - entry.trimStart().length;
  const text = entry.trim();
  if (kind === "filter") return { field: text.split(":")[0]!.trim(), start: lead };
  if (kind === "sort" && text.startsWith("-")) return { field: text.slice(1), start: lead + 1 };
  return { field: text, start: lead };
}

/** Each entry with its location; sort and fields may also be comma-separated strings. */
function entriesOf(kind: ListField, value: unknown, base: PathSegment[]): Entry[] {
  const split = (whole: string, path: PathSegment[]): Entry[] => {
    if (kind === "filter") return [{ entry: whole, path, whole, offset: 0 }];
    let offset = 0;
    return whole.split(",").map((entry) => {
      const found = { entry, path, whole, offset };
      offset += entry.length + 1;
      return found;
    });
  };
  if (typeof value === "string") return split(value, [...base, kind]);
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) => (typeof item === "string" ? split(item, [...base, kind, index]) : []));
}

const isStrict = (options: JsonObject) => options.strict === true || options.strict === "true";
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function unknownFieldIssue(objectName: ResultObject, found: Entry, kind: ListField, strict: boolean): NodeIssue | undefined {
  const known: readonly string[] = RESULT_OBJECT_FIELDS[objectName];
  const { field, start } = fieldOf(kind, found.entry);
  const head = field.split(".")[0]!;
  if (head === "" || known.includes(head)) return undefined;
  const closest = closestFields(head, known);
  const hint = closest.length > 0 ? `closest: ${closest.join(", ")}` : `known fields: ${known.join(", ")}`;
  const consequence = strict
    ? "Strict mode refuses unknown fields: correct it, or turn Strict off to send it as written."
    : kind === "filter"
      ? "It is sent as written, and JumpCloud treats a missing field as never equal: this filter would match nothing, or everything with ne."
      : kind === "sort"
        ? "It is sent as written, and sorting on a missing field leaves the order unchanged."
        : "It is sent as written, and JumpCloud returns no such field.";
  const at = found.offset + start;
  const best = closest[0];
  return {
    path: formatPath(found.path),
    severity: strict ? "error" : "warning",
    code: "unknownField",
    message: `${RESULT_OBJECT_LABEL[objectName]} have no field "${head}" (${hint}). ${consequence}`,
    ...(best ? { fix: { label: `Use ${best}`, value: found.whole.slice(0, at) + best + found.whole.slice(at + head.length) } } : {}),
  };
}

function filterValueIssues(objectName: ResultObject, found: Entry): NodeIssue[] {
  const parsed = parseFilter(found.entry);
  if ("problem" in parsed) return [];
  const path = formatPath(found.path);
  const issues: NodeIssue[] = [];
  if (parsed.value.includes(",")) {
    issues.push({
      path,
      severity: "warning",
      code: "commaInFilter",
      message:
        "JumpCloud splits filters at commas, so this value would be cut at its first comma and the rest read as another filter. Filter on a part without the comma (search), or list alternatives with in and | instead.",
    });
  }
  const dates = DATE_FIELDS[objectName] ?? [];
  if (dates.includes(parsed.field)) {
    const values = parsed.operator === "between" || parsed.operator === "in" ? parsed.value.split("|") : [parsed.value];
    if (values.some((value) => !ISO_INSTANT.test(value.trim()) || Number.isNaN(Date.parse(value.trim())))) {
      issues.push({
        path,
        severity: "warning",
        code: "notADate",
        message: `${parsed.field} is a date-time, and this value is not one (such as 2026-11-01T00:00:00Z): JumpCloud would compare it as text and match nothing useful. For a relative date use a template helper, e.g. {{ $daysAgo(7) }}.`,
      });
    }
  }
  return issues;
}

/**
 * Checks `options.filter`, `options.sort` and `options.fields` against the fields of the resource's result
 * objects (nested fields such as `template.name` by their first part), and filter values JumpCloud would misread.
 */
export function findFieldWarnings(resource: string, parameters: JsonObject): NodeIssue[] {
  const objectName = RESOURCE_RESULT_OBJECT[resource];
  const options = parameters.options;
  if (objectName === undefined || !isPlainObject(options)) return [];
  const strict = isStrict(options);
  const issues: NodeIssue[] = [];
  for (const kind of ["filter", "sort", "fields"] as const) {
    for (const found of entriesOf(kind, options[kind], ["options"])) {
      const unknown = unknownFieldIssue(objectName, found, kind, strict);
      if (unknown) issues.push(unknown);
      if (kind === "filter") for (const issue of filterValueIssues(objectName, found)) issues.push(issue);
    }
  }
  return issues;
}
