import type { IncomingHttpHeaders } from "node:http";
import { badRequest } from "./http-io";
import { compare, parseListQuery, parseSort, type ListQuery } from "./query";

/**
 * v1 list parameters (openapi-v1 `trait_*`), which differ from v2's: `sort` and `fields` are space separated
 * (commas are accepted too), filters are `field:$op:value` with Mongo-style operators, ANDed as `filter[0]`,
 * `filter[1]`… and ORed as `filter[or][0]`…, and `search` looks for a term in a list of fields.
 */

const V1_OPERATORS = ["$eq", "$ne", "$in", "$nin", "$lt", "$lte", "$gt", "$gte", "$sw", "$ew", "$co", "$nco"] as const;
type V1Operator = (typeof V1_OPERATORS)[number];
/** The spec's "eventually consistent" operators: they need the `x-eventually-consistent: true` header. */
const EVENTUALLY_CONSISTENT: readonly V1Operator[] = ["$ew", "$co", "$nco"];
const V2_OPERATORS = ["eq", "ne", "gt", "ge", "lt", "le", "between", "search", "in"];

interface V1Filter {
  field: string;
  operator: V1Operator;
  terms: string[];
}

interface V1Search {
  terms: string[];
  fields: string[];
}

export interface V1ListQuery {
  /** limit, skip, sort and fields in the v2 shape, so the shared pager can apply them; filters are in `match`. */
  paging: ListQuery;
  /** Every filter and search field named, for the unknown-field warning. */
  namedFields: string[];
  match: (row: object) => boolean;
}

type Row = Record<string, unknown>;

const FIELD = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

export function parseV1ListQuery(params: URLSearchParams, headers: IncomingHttpHeaders, searchFields: readonly string[]): V1ListQuery {
  const { limit, skip } = parseListQuery(params, { sort: false, filter: false, fields: false });
  return { paging: { limit, skip, sort: parseSort(spaceList(params.get("sort"))), filters: [], fields: v1Fields(params) }, ...parseV1Match(params, headers, searchFields) };
}

/** The filters (and, on lists, the search) as one predicate; `searchFields` null where `search` is not declared. */
export function parseV1Match(params: URLSearchParams, headers: IncomingHttpHeaders, searchFields: readonly string[] | null): Pick<V1ListQuery, "match" | "namedFields"> {
  const filters = parseV1Filters(params, headers);
  const search = searchFields === null ? null : parseSearch(params.get("search"), searchFields);
  const match = (row: object) => {
    const record = row as Row;
    if (!filters.and.every((f) => matchesV1(record, f))) return false;
    if (filters.or.length > 0 && !filters.or.some((f) => matchesV1(record, f))) return false;
    return search === null || matchesSearch(record, search);
  };
  return { match, namedFields: [...filters.and, ...filters.or].map((f) => f.field).concat(search?.fields ?? []) };
}

/** `fields` for a v1 record (also used by the single-record GET). */
export function v1Fields(params: URLSearchParams): string[] {
  const fields = spaceList(params.get("fields"));
  for (const field of fields) if (!FIELD.test(field)) throw badRequest(`Bad Request: invalid field "${field}" in fields`);
  return fields;
}

function spaceList(raw: string | null): string[] {
  return (raw ?? "").split(/[\s,]+/).filter((v) => v !== "");
}

/** `filter=…`, `filter[0]=…` (ANDed) and `filter[or][0]=…` (ORed); anything else named filter[…] is refused. */
function parseV1Filters(params: URLSearchParams, headers: IncomingHttpHeaders): { and: V1Filter[]; or: V1Filter[] } {
  const and: V1Filter[] = [];
  const or: V1Filter[] = [];
  const eventuallyConsistent = String(headers["x-eventually-consistent"] ?? "").toLowerCase() === "true";
  for (const [name, value] of params) {
    if (name === "filter" || /^filter\[(?:and\]\[)?\d+\]$/.test(name)) and.push(parseV1Filter(value, eventuallyConsistent));
    else if (/^filter\[or\]\[\d+\]$/.test(name)) or.push(parseV1Filter(value, eventuallyConsistent));
    else if (name.startsWith("filter[")) throw badRequest(`Bad Request: unsupported filter parameter "${name}": use filter, filter[0], filter[1]… (AND) or filter[or][0]… (OR)`);
  }
  return { and, or };
}

function parseV1Filter(raw: string, eventuallyConsistent: boolean): V1Filter {
  const first = raw.indexOf(":");
  const second = first < 0 ? -1 : raw.indexOf(":", first + 1);
  if (first < 0 || second < 0) throw badRequest(`Bad Request: invalid filter "${raw}": expected <field>:<operator>:<value>, e.g. hostname:$eq:web-01`);
  const field = raw.slice(0, first);
  const operator = raw.slice(first + 1, second);
  const value = raw.slice(second + 1);
  if (!FIELD.test(field)) throw badRequest(`Bad Request: invalid filter "${raw}": "${field}" is not a field name`);
  if (!(V1_OPERATORS as readonly string[]).includes(operator)) {
    const hint = V2_OPERATORS.includes(operator) ? `; v1 operators start with $ (${operator === "ge" ? "$gte" : operator === "le" ? "$lte" : `$${operator}`})` : "";
    throw badRequest(`Bad Request: invalid filter "${raw}": unknown operator "${operator}" (v1 supports ${V1_OPERATORS.join(", ")})${hint}`);
  }
  const op = operator as V1Operator;
  const terms = splitTerms(value);
  const multiTerm = ["$sw", "$ew", "$co", "$nco"].includes(op) && terms.length > 1;
  if ((EVENTUALLY_CONSISTENT.includes(op) || multiTerm) && !eventuallyConsistent) {
    throw badRequest(`Bad Request: filter "${raw}" needs the header x-eventually-consistent: true`);
  }
  if (terms.length > 1 && !["$in", "$nin", "$sw", "$ew", "$co", "$nco"].includes(op)) {
    throw badRequest(`Bad Request: invalid filter "${raw}": ${op} takes one value (escape a literal | as \\|)`);
  }
  return { field, operator: op, terms };
}

/** Terms are separated by `|`; `\|` is a literal bar. */
function splitTerms(value: string): string[] {
  const terms: string[] = [];
  let current = "";
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === "\\" && value[i + 1] === "|") {
      current += "|";
      i++;
    } else if (char === "|") {
      terms.push(current);
      current = "";
    } else current += char;
  }
  terms.push(current);
  return terms;
}

function read(row: Row, field: string): unknown {
  let value: unknown = row;
  for (const part of field.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Row)[part];
  }
  return value;
}

/** A missing field matches only the negative operators, as in Mongo. */
function matchesV1(row: Row, filter: V1Filter): boolean {
  const value = read(row, filter.field);
  const [term = ""] = filter.terms;
  const cmp = (t: string) => compare(value, t, filter.field);
  const text = typeof value === "string" ? value : value === undefined || value === null ? null : String(value);
  switch (filter.operator) {
    case "$eq": return cmp(term) === 0;
    case "$ne": return cmp(term) !== 0;
    case "$in": return filter.terms.some((t) => cmp(t) === 0);
    case "$nin": return !filter.terms.some((t) => cmp(t) === 0);
    case "$lt": { const c = cmp(term); return c !== null && c < 0; }
    case "$lte": { const c = cmp(term); return c !== null && c <= 0; }
    case "$gt": { const c = cmp(term); return c !== null && c > 0; }
    case "$gte": { const c = cmp(term); return c !== null && c >= 0; }
    case "$sw": return text !== null && filter.terms.some((t) => text.startsWith(t));
    case "$ew": return text !== null && filter.terms.some((t) => text.endsWith(t));
    case "$co": return text !== null && filter.terms.some((t) => text.includes(t));
    case "$nco": return text === null || !filter.terms.some((t) => text.includes(t));
  }
}

/**
 * `search` is "a nested object containing a searchTerm string or array of strings and a list of fields":
 * JSON `{"searchTerm":"mac","fields":["hostname"]}`; a plain string searches the default fields. Matching is a
 * case-insensitive substring on any of the fields.
 */
function parseSearch(raw: string | null, defaultFields: readonly string[]): V1Search | null {
  if (raw === null || raw.trim() === "") return null;
  if (!raw.trim().startsWith("{")) return { terms: [raw.toLowerCase()], fields: [...defaultFields] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badRequest('Bad Request: search must be JSON such as {"searchTerm":"mac","fields":["hostname"]} or a plain search term');
  }
  const { searchTerm, fields } = parsed as { searchTerm?: unknown; fields?: unknown };
  const terms = typeof searchTerm === "string" ? [searchTerm] : Array.isArray(searchTerm) && searchTerm.every((t) => typeof t === "string") ? (searchTerm as string[]) : null;
  if (!terms || terms.length === 0) throw badRequest("Bad Request: search.searchTerm must be a string or an array of strings");
  if (fields !== undefined && (!Array.isArray(fields) || !fields.every((f) => typeof f === "string" && FIELD.test(f)))) {
    throw badRequest("Bad Request: search.fields must be an array of field names");
  }
  return { terms: terms.map((t) => t.toLowerCase()), fields: (fields as string[] | undefined) ?? [...defaultFields] };
}

function matchesSearch(row: Row, search: V1Search): boolean {
  return search.fields.some((field) => {
    const value = read(row, field);
    if (value === undefined || value === null || typeof value === "object") return false;
    const text = String(value).toLowerCase();
    return search.terms.some((t) => text.includes(t));
  });
}
