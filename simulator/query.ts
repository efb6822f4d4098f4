import { badRequest, HttpError } from "./http-io";

/** limit / skip / sort / filter / fields, as JumpCloud v2 list endpoints take them (api-notes 1.3, 1.4). */

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;
export const FILTER_OPERATORS = ["eq", "ne", "gt", "ge", "lt", "le", "between", "search", "in"] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export interface Filter {
  field: string;
  operator: FilterOperator;
  /** One value; two for `between`; one or more for `in`. */
  values: string[];
}

export interface SortKey {
  field: string;
  descending: boolean;
}

export interface ListQuery {
  limit: number;
  skip: number;
  sort: SortKey[];
  filters: Filter[];
  fields: string[];
}

/** Which list parameters an operation declares in the spec; undeclared ones are ignored, as the real API does. */
export interface DeclaredParams {
  sort: boolean;
  filter: boolean;
  fields: boolean;
}

const FIELD = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const FILTER = /^([^:]+):([^:]*):([\s\S]*)$/;
const FILTER_START = new RegExp(`^[A-Za-z_$][\\w.$]*:(?:${FILTER_OPERATORS.join("|")}):`);

export function parseListQuery(params: URLSearchParams, declared: DeclaredParams): ListQuery {
  return {
    limit: parseLimit(params.get("limit")),
    skip: parseSkip(params.get("skip")),
    sort: declared.sort ? parseSort(params.getAll("sort")) : [],
    filters: declared.filter ? parseFilters(params.getAll("filter")) : [],
    fields: declared.fields ? splitList(params.getAll("fields")) : [],
  };
}

function parseLimit(raw: string | null): number {
  if (raw === null || raw === "") return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit)) throw badRequest(`Bad Request: request parameter "limit" must be an integer`);
  // The exact body JumpCloud sends (jcapi-python #38): message only.
  if (limit > MAX_LIMIT) throw new HttpError(400, { message: `Bad Request: request parameter "limit" exceeds maximum value of ${MAX_LIMIT}` });
  if (limit < 1) throw badRequest(`Bad Request: request parameter "limit" is below minimum value of 1`);
  return limit;
}

function parseSkip(raw: string | null): number {
  if (raw === null || raw === "") return 0;
  const skip = Number(raw);
  if (!Number.isInteger(skip)) throw badRequest(`Bad Request: request parameter "skip" must be an integer`);
  if (skip < 0) throw badRequest(`Bad Request: request parameter "skip" is below minimum value of 0`);
  return skip;
}

function splitList(values: string[]): string[] {
  return values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
}

export function parseSort(values: string[]): SortKey[] {
  return splitList(values).map((item) => {
    const descending = item.startsWith("-");
    const field = descending ? item.slice(1) : item;
    if (!FIELD.test(field)) throw badRequest(`Bad Request: invalid sort field "${field}"`);
    return { field, descending };
  });
}

/**
 * Filters may be repeated (ANDed) or, per the spec's explode:false, comma-joined; a comma only starts a new
 * filter when what follows looks like `<field>:<operator>:`, so commas inside values survive.
 */
export function parseFilters(values: string[]): Filter[] {
  const raw: string[] = [];
  for (const value of values) {
    let current: string | null = null;
    for (const piece of value.split(",")) {
      if (current !== null && !FILTER_START.test(piece)) current += `,${piece}`;
      else {
        if (current !== null) raw.push(current);
        current = piece;
      }
    }
    if (current !== null && current !== "") raw.push(current);
  }
  return raw.map(parseFilter);
}

function parseFilter(raw: string): Filter {
  const match = FILTER.exec(raw);
  if (!match) throw badRequest(`Bad Request: invalid filter "${raw}": expected <field>:<operator>:<value>`);
  const [, field = "", operator = "", value = ""] = match;
  if (!FIELD.test(field)) throw badRequest(`Bad Request: invalid filter "${raw}": "${field}" is not a field name`);
  if (!(FILTER_OPERATORS as readonly string[]).includes(operator)) {
    throw badRequest(`Bad Request: invalid filter "${raw}": unknown operator "${operator}" (supported: ${FILTER_OPERATORS.join(", ")})`);
  }
  const op = operator as FilterOperator;
  if (op === "between") {
    const bounds = value.split("|");
    if (bounds.length !== 2 || bounds.some((b) => b === "")) {
      throw badRequest(`Bad Request: invalid filter "${raw}": between takes two values as <low>|<high>`);
    }
    return { field, operator: op, values: bounds };
  }
  if (op === "in") {
    const options = value.split("|");
    if (options.some((o) => o === "")) throw badRequest(`Bad Request: invalid filter "${raw}": in takes values as <a>|<b>|<c>`);
    return { field, operator: op, values: options };
  }
  return { field, operator: op, values: [value] };
}

// --- applying a query ---

type Row = object;

/** Compiled once per path: list endpoints read the same field of thousands of rows. */
function fieldReader(path: string): (row: Row) => unknown {
  const parts = path.split(".");
  if (parts.length === 1) return (row) => (row as Record<string, unknown>)[path];
  return (row) => {
    let value: unknown = row;
    for (const part of parts) {
      if (value === null || typeof value !== "object") return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Compares a record value with a filter value typed after the record's field; null when they cannot be compared. */
export function compare(recordValue: unknown, filterValue: string, field: string): number | null {
  if (typeof recordValue === "number") {
    const n = Number(filterValue);
    if (filterValue.trim() === "" || Number.isNaN(n)) throw badRequest(`Bad Request: filter value "${filterValue}" for "${field}" must be a number`);
    return recordValue - n;
  }
  if (typeof recordValue === "boolean") {
    if (filterValue !== "true" && filterValue !== "false") throw badRequest(`Bad Request: filter value "${filterValue}" for "${field}" must be true or false`);
    return Number(recordValue) - Number(filterValue === "true");
  }
  if (typeof recordValue === "string") {
    if (ISO_DATE.test(recordValue) && ISO_DATE.test(filterValue)) return Date.parse(recordValue) - Date.parse(filterValue);
    return recordValue < filterValue ? -1 : recordValue > filterValue ? 1 : 0;
  }
  return null;
}

function wildcard(pattern: string, anchored: boolean): RegExp {
  const body = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(anchored ? `^${body}$` : body);
}

function equals(recordValue: unknown, value: string, field: string): boolean {
  if (typeof recordValue === "string" && value.includes("*")) return wildcard(value, true).test(recordValue);
  return compare(recordValue, value, field) === 0;
}

/** A field missing from a record matches like a missing Mongo field: only `ne` is true. */
function matches(value: unknown, filter: Filter): boolean {
  const [first = "", second = ""] = filter.values;
  const cmp = (v: string) => compare(value, v, filter.field);
  switch (filter.operator) {
    case "eq": return equals(value, first, filter.field);
    case "ne": return !equals(value, first, filter.field);
    case "gt": { const c = cmp(first); return c !== null && c > 0; }
    case "ge": { const c = cmp(first); return c !== null && c >= 0; }
    case "lt": { const c = cmp(first); return c !== null && c < 0; }
    case "le": { const c = cmp(first); return c !== null && c <= 0; }
    case "between": { const lo = cmp(first); const hi = cmp(second); return lo !== null && hi !== null && lo >= 0 && hi <= 0; }
    case "in": return filter.values.some((v) => equals(value, v, filter.field));
    case "search": return value !== undefined && value !== null && typeof value !== "object" && wildcard(first, false).test(String(value));
  }
}

const TYPE_ORDER = ["undefined", "boolean", "number", "string", "object"];

function compareForSort(a: unknown, b: unknown): number {
  if (a === b) return 0;
  const ta = a === null ? "undefined" : typeof a;
  const tb = b === null ? "undefined" : typeof b;
  if (ta !== tb) return TYPE_ORDER.indexOf(ta) - TYPE_ORDER.indexOf(tb);
  if (ta === "number" || ta === "boolean") return Number(a) - Number(b);
  const sa = typeof a === "string" ? a : JSON.stringify(a);
  const sb = typeof b === "string" ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Sorted copies keyed by source array identity: the store replaces arrays on write, so entries never go stale. */
const sortedCache = new WeakMap<readonly Row[], Map<string, readonly Row[]>>();

function sortRows<T extends Row>(rows: readonly T[], keys: SortKey[], idField: string): readonly T[] {
  if (keys.length === 0) return rows;
  const cacheKey = keys.map((k) => (k.descending ? "-" : "") + k.field).join(",");
  let byKey = sortedCache.get(rows);
  const cached = byKey?.get(cacheKey);
  if (cached) return cached as readonly T[];
  // Decorate once (keys read per row, not per comparison), then sort; ties break by id ascending so
  // skip/limit pages never overlap or leave gaps.
  const readers = [...keys.map((k) => fieldReader(k.field)), fieldReader(idField)];
  const signs = [...keys.map((k) => (k.descending ? -1 : 1)), 1];
  const decorated = rows.map((row) => ({ row, values: readers.map((read) => read(row)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < signs.length; i++) {
      const c = compareForSort(a.values[i], b.values[i]);
      if (c !== 0) return c * (signs[i] as number);
    }
    return 0;
  });
  const sorted = decorated.map((d) => d.row);
  if (!byKey) sortedCache.set(rows, (byKey = new Map()));
  byKey.set(cacheKey, sorted);
  return sorted;
}

function project(row: Row, fields: string[], idField: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of [idField, ...fields]) {
    const [top] = field.split(".");
    if (top !== undefined && top in row) out[top] = (row as Record<string, unknown>)[top];
  }
  return out;
}

export interface PageResult<T> {
  items: Array<T | Record<string, unknown>>;
  /** Rows matching the filters, before skip/limit. */
  total: number;
  /** Filter/sort/fields names the resource does not have: answered Mongo-style, and reported in a header. */
  unknownFields: string[];
}

/**
 * Filters, sorts and pages `rows`. Filters apply to `filterRows(row)` when given (traversals filter on the
 * bound system, not on the graph object), everything else to the row itself.
 */
export function listPage<T extends Row>(
  rows: readonly T[],
  query: ListQuery,
  options: {
    knownFields: readonly string[];
    idField?: string;
    filterView?: (row: T) => Row;
    /** A further condition on the filter view (v1 filters and search). */
    match?: (row: Row) => boolean;
  },
): PageResult<T> {
  const idField = options.idField ?? "id";
  const sorted = sortRows(rows, query.sort, idField);
  const view = options.filterView ?? ((row: T) => row);
  const tests = query.filters.map((filter) => {
    const read = fieldReader(filter.field);
    return (row: Row) => matches(read(row), filter);
  });
  if (options.match) tests.push(options.match);
  const filtered = tests.length === 0 ? sorted : sorted.filter((row) => {
    const viewed = view(row);
    return tests.every((test) => test(viewed));
  });
  const page = filtered.slice(query.skip, query.skip + query.limit);
  const items = query.fields.length === 0 ? page : page.map((row) => project(row, query.fields, idField));
  const named = [...query.filters.map((f) => f.field), ...query.sort.map((s) => s.field), ...query.fields];
  const unknownFields = [...new Set(named.filter((f) => !isKnown(f, options.knownFields)))];
  return { items, total: filtered.length, unknownFields };
}

function isKnown(field: string, known: readonly string[]): boolean {
  return known.some((k) => field === k || field.startsWith(`${k}.`));
}
