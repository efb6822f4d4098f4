// Which ids a JumpCloud result record holds, for the names shown beside them: policy and system ids in statuses
// and results, the target of an association (`to`), and the systems and groups a traversal returns. Browser-safe.
import type { IdReference } from "../types";

const FIELD_KINDS: Readonly<Record<string, string>> = {
  policyID: "policy",
  policyId: "policy",
  policy_id: "policy",
  systemID: "system",
  systemId: "system",
  system_id: "system",
};

/** Kinds a graph record's `type` names that have names to look up. */
const GRAPH_KINDS = new Set(["system", "system_group", "policy"]);

type Row = Record<string, unknown>;
const isRow = (value: unknown): value is Row => typeof value === "object" && value !== null && !Array.isArray(value);

export function idReferences(item: unknown): IdReference[] {
  if (!isRow(item)) return [];
  const found: IdReference[] = [];
  for (const [field, kind] of Object.entries(FIELD_KINDS)) {
    const id = item[field];
    if (typeof id === "string" && id !== "") found.push({ field, kind, id });
  }
  // A traversal's record ({id, type}) or an association written ({id, type, op}).
  if (typeof item.id === "string" && typeof item.type === "string" && GRAPH_KINDS.has(item.type)) found.push({ field: "id", kind: item.type, id: item.id });
  // An association listed: {to: {id, type}}.
  const to = item.to;
  if (isRow(to) && typeof to.id === "string" && typeof to.type === "string" && GRAPH_KINDS.has(to.type)) found.push({ field: "to", kind: to.type, id: to.id });
  return found;
}
