import { unauthorized } from "../auth";
import { badRequest, notFound } from "../http-io";
import type { SystemRecord } from "../model";
import { isObjectId } from "../object-id";
import { listPage } from "../query";
import { parseV1ListQuery, parseV1Match, v1Fields } from "../query-v1";
import type { ApiContext, ApiRoute, Reply } from "../router";
import { systemV1View } from "../views";
import { simulatorWarning } from "./list-reply";

type SystemView = ReturnType<typeof systemV1View>;

/** Where a plain `search` term looks. */
const SEARCH_FIELDS = ["hostname", "displayName", "serialNumber"];

/** Views are cached per system-list identity (the store replaces the list when systems come and go). */
const viewCache = new WeakMap<readonly SystemRecord[], SystemView[]>();
function systemViews({ org }: ApiContext): SystemView[] {
  let views = viewCache.get(org.systems);
  if (!views) viewCache.set(org.systems, (views = org.systems.map((s) => systemV1View(s, org.orgId))));
  return views;
}

/** v1 GET /api/systems: `{totalCount, results}` in `_id` order unless sorted; totalCount counts every match. */
function listSystems(ctx: ApiContext): Reply {
  const views = systemViews(ctx);
  const known = Object.keys(views[0] ?? {});
  const query = parseV1ListQuery(ctx.query, ctx.headers, SEARCH_FIELDS);
  const page = listPage(views, query.paging, { knownFields: known, idField: "_id", match: query.match });
  const unknown = query.namedFields.filter((f) => !known.includes(f.split(".")[0] as string));
  return { status: 200, body: { totalCount: page.total, results: page.items }, headers: simulatorWarning([...page.unknownFields, ...unknown]) };
}

/** v1 GET /api/systems/{id}: the System Context test call; a signed system may only read itself. A filter that does not match is a 404. */
function getSystem(ctx: ApiContext): Reply {
  const { org, params, caller, query } = ctx;
  const id = params.id ?? "";
  if (caller.kind === "system" && caller.systemId !== id) throw unauthorized("a system may only access its own record");
  if (!isObjectId(id)) throw badRequest(`Bad Request: "${id}" is not a valid system id`);
  const system = org.system(id);
  if (!system) throw notFound("System");
  const view = systemV1View(system, org.orgId);
  const { match } = parseV1Match(query, ctx.headers, null);
  const page = listPage([view], { limit: 1, skip: 0, sort: [], filters: [], fields: v1Fields(query) }, { knownFields: Object.keys(view), idField: "_id", match });
  if (page.items.length === 0) throw notFound("System");
  return { status: 200, body: page.items[0] };
}

export const systemV1Routes: ApiRoute[] = [
  { kind: "api", method: "GET", path: "/api/systems", operationId: "systems_list", handle: listSystems },
  { kind: "api", method: "GET", path: "/api/systems/{id}", operationId: "systems_get", systemContext: true, handle: getSystem },
];
