import { listPage, parseListQuery } from "../query";
import type { ApiContext, ApiRoute, Reply } from "../router";
import { graphObjectView } from "../views";
import { requirePolicy } from "./policies";
import { withListHeaders } from "./list-reply";

/** Traversal filters apply to the bound object's own fields (e.g. os:eq:windows), as on JumpCloud's graph lists. */
const SYSTEM_FIELDS = ["id", "type", "hostname", "displayName", "os", "osFamily", "version", "arch", "agentVersion", "active", "serialNumber"];
const GROUP_FIELDS = ["id", "type", "name", "description"];

function traverseSystems({ org, params, query }: ApiContext): Reply {
  const policy = requirePolicy(org, params.policy_id ?? "");
  const q = parseListQuery(query, { sort: false, filter: true, fields: false });
  const rows = org.systemPaths(policy.id).map(({ system, paths }) => ({
    view: graphObjectView(system.id, "system", paths),
    filterable: { ...system, version: system.osVersion, type: "system" },
  }));
  const page = listPage(rows, q, { knownFields: SYSTEM_FIELDS, idField: "view.id", filterView: (row) => row.filterable });
  return withListHeaders({ ...page, items: page.items.map((row) => (row as (typeof rows)[number]).view) });
}

function traverseSystemGroups({ org, params, query }: ApiContext): Reply {
  const policy = requirePolicy(org, params.policy_id ?? "");
  const q = parseListQuery(query, { sort: false, filter: true, fields: false });
  const rows = org.systemGroupPaths(policy.id).map(({ group, paths }) => ({
    view: graphObjectView(group.id, "system_group", paths),
    filterable: { id: group.id, name: group.name, description: group.description, type: "system_group" },
  }));
  const page = listPage(rows, q, { knownFields: GROUP_FIELDS, idField: "view.id", filterView: (row) => row.filterable });
  return withListHeaders({ ...page, items: page.items.map((row) => (row as (typeof rows)[number]).view) });
}

export const traversalRoutes: ApiRoute[] = [
  { kind: "api", method: "GET", path: "/api/v2/policies/{policy_id}/systems", operationId: "graph_policyTraverseSystem", handle: traverseSystems },
  { kind: "api", method: "GET", path: "/api/v2/policies/{policy_id}/systemgroups", operationId: "graph_policyTraverseSystemGroup", handle: traverseSystemGroups },
];
