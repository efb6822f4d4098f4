// Builds the exact HTTP request of one call from an operation's validated parameters: each parameter's declared
// `in` and `wireName` say where its value goes (path, query, header, body). Browser-safe; shared by the preview
// planner and the executor so the two can never disagree.
import type { ParameterSpec } from "../types";
import { apiPrefix, type JumpCloudOperation, type ListOption, type Params } from "./operations/define";

/** JumpCloud refuses limit > 100 with a 400. */
export const MAX_PAGE_SIZE = 100;
/** What JumpCloud returns when a list request names no limit (the spec's default). */
export const DEFAULT_PAGE_SIZE = 10;

export interface Page {
  skip: number;
  limit: number;
}

export interface ListQuery {
  filter: string[];
  sort: string[];
  fields: string[];
  /** Total records wanted (not a page size); undefined means JumpCloud's default page. */
  limit?: number;
  skip: number;
}

/** Where every validated value goes, read from the parameter specs. */
export interface CallInput {
  /** Path placeholders by wire name (`policy_id`, `id`, `system_id`). */
  path: Record<string, string>;
  /** The list options (`options.*`): paging, filters, sort, fields. */
  list: ListQuery;
  /** Other query parameters by wire name (`targets`). */
  query: Record<string, string[]>;
  /** Headers from parameters (`x-org-id`), over the credential's defaults. */
  headers: Record<string, string>;
  body?: unknown;
  returnAll: boolean;
}

const LIST_OPTIONS: ReadonlySet<string> = new Set<ListOption>(["limit", "skip", "filter", "sort", "fields"]);

const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);

/** Walks the specs over the validated values: a collection on the body is the body; others are walked into. */
export function callInput(op: JumpCloudOperation, params: Params): CallInput {
  const input: CallInput = { path: {}, list: { filter: [], sort: [], fields: [], skip: 0 }, query: {}, headers: {}, returnAll: false };
  const bodyParts: Array<[string, unknown]> = [];
  const walk = (specs: readonly ParameterSpec[], values: Params) => {
    for (const spec of specs) {
      const value = values[spec.name];
      if (value === undefined) continue;
      const wire = spec.wireName ?? spec.name;
      if (spec.in === "body") bodyParts.push([wire, value]);
      else if (spec.kind === "collection" && spec.children) walk(spec.children, value as Params);
      else if (spec.in === "path") input.path[wire] = String(value);
      else if (spec.in === "header") input.headers[wire] = String(value);
      else if (spec.in === "client") input.returnAll ||= spec.name === "returnAll" && value === true;
      else if (LIST_OPTIONS.has(spec.name)) Object.assign(input.list, { [spec.name]: value });
      else input.query[wire] = asStrings(value);
    }
  };
  walk(op.parameters, params);
  // One collection on the body is the body (policyData, associationData); several values form an object.
  if (bodyParts.length === 1) input.body = bodyParts[0]![1];
  else if (bodyParts.length > 1) input.body = Object.fromEntries(bodyParts);
  return input;
}

/** The input of a lookup the client makes on the user's behalf (a template by name), in the same org. */
export function lookupInput(from: CallInput, part: { path?: Record<string, string>; list?: Partial<ListQuery>; query?: Record<string, string[]>; returnAll?: boolean }): CallInput {
  return {
    path: part.path ?? {},
    list: { filter: [], sort: [], fields: [], skip: 0, ...part.list },
    query: part.query ?? {},
    headers: from.headers,
    returnAll: part.returnAll ?? false,
  };
}

export interface BuiltRequest {
  method: JumpCloudOperation["method"];
  /** Absolute URL with query. */
  url: string;
  /** Path with query as signed and logged, e.g. /api/v2/policies?limit=100&skip=0. */
  path: string;
  /** Non-secret headers; auth headers are added by the transport (or masked by the planner). */
  headers: Record<string, string>;
  body?: unknown;
}

/** How a list call is split into requests. */
export type PagePlan =
  | { kind: "single"; page?: Partial<Page> }
  | { kind: "fixed"; pages: Page[] }
  | { kind: "all"; pageSize: number; startSkip: number };

export function planPages(list: ListQuery, returnAll: boolean): PagePlan {
  if (returnAll) return { kind: "all", pageSize: MAX_PAGE_SIZE, startSkip: list.skip };
  if (list.limit === undefined) return { kind: "single", ...(list.skip > 0 ? { page: { skip: list.skip } } : {}) };
  if (list.limit <= MAX_PAGE_SIZE) return { kind: "single", page: { skip: list.skip, limit: list.limit } };
  const pages: Page[] = [];
  for (let offset = 0; offset < list.limit; offset += MAX_PAGE_SIZE) {
    pages.push({ skip: list.skip + offset, limit: Math.min(MAX_PAGE_SIZE, list.limit - offset) });
  }
  return { kind: "fixed", pages };
}

/**
 * Skip-based pages are only consistent under a total order, so when several pages are read with a user sort,
 * `id` is appended as the tie-breaker (JumpCloud's best-practice advice for paginating with skip).
 */
export function effectiveSort(op: JumpCloudOperation, list: ListQuery, plan: PagePlan): string[] {
  if (!op.listOptions.includes("sort") || list.sort.length === 0 || plan.kind === "single") return list.sort;
  if (list.sort.some((s) => s === "id" || s === "-id")) return list.sort;
  return [...list.sort, "id"];
}

export interface CallShape {
  page?: Partial<Page>;
  /** The value of the fan-out parameter for this request. */
  fanOut?: string;
  sort?: readonly string[];
  body?: unknown;
}

const enc = encodeURIComponent;

export function buildPath(op: JumpCloudOperation, input: CallInput, shape: CallShape = {}): string {
  let path = apiPrefix(op) + op.path.replace(/\{(\w+)\}/g, (_, name: string) => enc(input.path[name] ?? ""));
  if (op.method !== "GET") return path;
  const query: string[] = [];
  for (const [name, values] of Object.entries(input.query)) {
    const sent = name === op.fanOut && shape.fanOut !== undefined ? [shape.fanOut] : values;
    if (sent.length > 0) query.push(`${name}=${enc(sent.join(","))}`);
  }
  if (shape.page?.limit !== undefined) query.push(`limit=${shape.page.limit}`);
  if (shape.page?.skip !== undefined) query.push(`skip=${shape.page.skip}`);
  const list = input.list;
  // Several filters are ANDed by repeating the param (the spec's explode:false would comma-join them).
  for (const filter of list.filter) query.push(`filter=${enc(filter)}`);
  const sort = shape.sort ?? list.sort;
  if (sort.length > 0) query.push(`sort=${enc(sort.join(","))}`);
  if (list.fields.length > 0) query.push(`fields=${enc(list.fields.join(","))}`);
  if (query.length > 0) path += `?${query.join("&")}`;
  return path;
}

export function baseHeaders(orgId: string | undefined): Record<string, string> {
  return orgId ? { Accept: "application/json", "x-org-id": orgId } : { Accept: "application/json" };
}

/** The request of one call: the run's base headers under the parameters' own (x-org-id), and the body. */
export function buildRequest(op: JumpCloudOperation, input: CallInput, origin: string, headers: Record<string, string>, shape: CallShape = {}): BuiltRequest {
  const path = buildPath(op, input, shape);
  const all = { ...headers, ...input.headers };
  const body = shape.body ?? input.body;
  if (body === undefined || op.method === "GET") return { method: op.method, url: origin + path, path, headers: all };
  return { method: op.method, url: origin + path, path, headers: { ...all, "Content-Type": "application/json" }, body };
}

/** The values one request per fan-out value covers (association targets), or one request. */
export function fanOutValues(op: JumpCloudOperation, input: CallInput): Array<string | undefined> {
  const values = op.fanOut ? (input.query[op.fanOut] ?? []) : [];
  return values.length > 0 ? values : [undefined];
}
