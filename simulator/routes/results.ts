import { badRequest, notFound } from "../http-io";
import type { PolicyResult } from "../model";
import { isObjectId } from "../object-id";
import { listPage, parseListQuery } from "../query";
import type { ApiContext, ApiRoute, Reply } from "../router";
import { requirePolicy } from "./policies";
import { withListHeaders } from "./list-reply";

const RESULT_FIELDS = ["id", "policyID", "systemID", "userObjectId", "startedAt", "endedAt", "success", "exitStatus", "stdErr", "stdOut", "state", "detail"];
const ALL_PARAMS = { sort: true, filter: true, fields: true };

function listResults(rows: readonly PolicyResult[], query: URLSearchParams): Reply {
  return withListHeaders(listPage(rows, parseListQuery(query, ALL_PARAMS), { knownFields: RESULT_FIELDS }));
}

function getResult({ org, params }: ApiContext): Reply {
  const id = params.id ?? "";
  if (!isObjectId(id)) throw badRequest(`Bad Request: "${id}" is not a valid policy result id`);
  const result = org.result(id);
  if (!result) throw notFound("Policy result");
  return { status: 200, body: result };
}

function systemStatuses({ org, params, query }: ApiContext): Reply {
  const id = params.system_id ?? "";
  if (!isObjectId(id)) throw badRequest(`Bad Request: "${id}" is not a valid system id`);
  if (!org.system(id)) throw notFound("System");
  return listResults(org.statusesOfSystem(id), query);
}

export const resultRoutes: ApiRoute[] = [
  { kind: "api", method: "GET", path: "/api/v2/policyresults/{id}", operationId: "policyresults_get", handle: getResult },
  {
    kind: "api", method: "GET", path: "/api/v2/policies/{policy_id}/policyresults", operationId: "policyresults_list",
    handle: ({ org, params, query }) => listResults(org.resultsOfPolicy(requirePolicy(org, params.policy_id ?? "").id), query),
  },
  { kind: "api", method: "GET", path: "/api/v2/policyresults", operationId: "policyresults_org_list", handle: ({ org, query }) => listResults(org.allResults(), query) },
  {
    kind: "api", method: "GET", path: "/api/v2/policies/{policy_id}/policystatuses", operationId: "policystatuses_policiesList",
    handle: ({ org, params, query }) => listResults(org.statusesOfPolicy(requirePolicy(org, params.policy_id ?? "").id), query),
  },
  { kind: "api", method: "GET", path: "/api/v2/systems/{system_id}/policystatuses", operationId: "policystatuses_systemsList", handle: systemStatuses },
];
