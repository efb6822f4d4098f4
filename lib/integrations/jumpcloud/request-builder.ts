// Builds the exact HTTP request of one call from an operation and normalized parameters. Browser-safe; shared by
// the preview planner and the executor so the two can never disagree.
import type { AssociationTarget, OperationSpec } from "./operations";
import type { ListQuery, NormalizedParams } from "./params";

/** JumpCloud refuses limit > 100 with a 400. */
export const MAX_PAGE_SIZE = 100;

export interface Page {
  skip: number;
  limit: number;
}

export interface BuiltRequest {
  method: OperationSpec["method"];
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
export function effectiveSort(op: OperationSpec, list: ListQuery, plan: PagePlan): string[] {
  if (!op.listOptions.includes("sort") || list.sort.length === 0 || plan.kind === "single") return list.sort;
  if (list.sort.some((s) => s === "id" || s === "-id")) return list.sort;
  return [...list.sort, "id"];
}

export interface CallShape {
  page?: Partial<Page>;
  target?: AssociationTarget;
  sort?: readonly string[];
  body?: unknown;
}

const enc = encodeURIComponent;

export function buildPath(op: OperationSpec, params: NormalizedParams, shape: CallShape = {}): string {
  let path = "/api/v2" + op.path.replace(/\{(\w+)\}/g, (_, name: string) => enc(params.path[name] ?? ""));
  if (op.method !== "GET") return path;
  const query: string[] = [];
  if (shape.target) query.push(`targets=${enc(shape.target)}`);
  if (shape.page?.limit !== undefined) query.push(`limit=${shape.page.limit}`);
  if (shape.page?.skip !== undefined) query.push(`skip=${shape.page.skip}`);
  const list = params.list;
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

export function buildRequest(
  op: OperationSpec,
  params: NormalizedParams,
  origin: string,
  headers: Record<string, string>,
  shape: CallShape = {},
): BuiltRequest {
  const path = buildPath(op, params, shape);
  if (shape.body === undefined) return { method: op.method, url: origin + path, path, headers };
  return { method: op.method, url: origin + path, path, headers: { ...headers, "Content-Type": "application/json" }, body: shape.body };
}
