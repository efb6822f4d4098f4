import { badRequest, notFound } from "../http-io";
import type { SystemGroup } from "../model";
import { isObjectId } from "../object-id";
import type { OrgStore } from "../org-store";
import { listPage, parseListQuery } from "../query";
import type { ApiContext, ApiRoute, Reply } from "../router";
import { systemGroupView } from "../views";
import { withListHeaders } from "./list-reply";

/** Every field of the view; the spec names `name`, `disabled`, `type`, `membershipMethod` and `memberQueryErrorFlags` as filterable. */
const GROUP_FIELDS = [
  "id", "type", "name", "description", "email", "attributes", "membershipMethod", "memberQuery", "memberQueryExemptions",
  "memberQueryErrorFlags", "memberSuggestionsNotify", "organizationObjectId", "disabled",
];

/** `disabled` is filterable but not part of the SystemGroup schema: groups are never disabled here. */
const filterView = (view: ReturnType<typeof systemGroupView>) => ({ ...view, disabled: false });

function requireGroup(org: OrgStore, id: string): SystemGroup {
  if (!isObjectId(id)) throw badRequest(`Bad Request: "${id}" is not a valid system group id`);
  const group = org.systemGroup(id);
  if (!group) throw notFound("System group");
  return group;
}

/** Views are cached per group-list identity (the store replaces the list on every membership change). */
const viewCache = new WeakMap<readonly SystemGroup[], ReturnType<typeof systemGroupView>[]>();

function listGroups({ org, query }: ApiContext): Reply {
  let views = viewCache.get(org.systemGroups);
  if (!views) viewCache.set(org.systemGroups, (views = org.systemGroups.map((g) => systemGroupView(g, org.orgId))));
  const page = listPage(views, parseListQuery(query, { sort: true, filter: true, fields: true }), { knownFields: GROUP_FIELDS, filterView });
  return withListHeaders(page, { totalCount: true });
}

function getGroup({ org, params }: ApiContext): Reply {
  return { status: 200, body: systemGroupView(requireGroup(org, params.id ?? ""), org.orgId) };
}

/** Graph connections to the member systems, in id order; the spec declares only limit and skip here. */
function listMembers({ org, params, query }: ApiContext): Reply {
  const group = requireGroup(org, params.group_id ?? "");
  const connections = org.groupMembers(group.id).map((s) => ({ attributes: null, to: { attributes: null, id: s.id, type: "system" } }));
  const page = listPage(connections, parseListQuery(query, { sort: false, filter: false, fields: false }), { knownFields: [], idField: "to.id" });
  return withListHeaders(page, { totalCount: true });
}

export const systemGroupRoutes: ApiRoute[] = [
  { kind: "api", method: "GET", path: "/api/v2/systemgroups", operationId: "groups_system_list", handle: listGroups },
  { kind: "api", method: "GET", path: "/api/v2/systemgroups/{id}", operationId: "groups_system_get", handle: getGroup },
  { kind: "api", method: "GET", path: "/api/v2/systemgroups/{group_id}/members", operationId: "graph_systemGroupMembersList", handle: listMembers },
];
