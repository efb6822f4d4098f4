import { badRequest, HttpError, notFound } from "../http-io";
import { TARGET_TYPES, type TargetType } from "../model";
import { isObjectId } from "../object-id";
import { listPage, parseListQuery } from "../query";
import { pendingResults } from "../result-factory";
import type { ApiContext, ApiRoute, Reply } from "../router";
import { requirePolicy } from "./policies";
import { withListHeaders } from "./list-reply";

const OPS = ["add", "remove", "update"] as const;

/** `targets` is required; values may be comma-joined (explode:false) or repeated. */
function parseTargets(query: URLSearchParams): Set<TargetType> {
  const values = query.getAll("targets").flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  if (values.length === 0) throw badRequest('Bad Request: request parameter "targets" is required');
  for (const value of values) {
    if (!(TARGET_TYPES as readonly string[]).includes(value)) {
      throw badRequest(`Bad Request: request parameter "targets" must be one of ${TARGET_TYPES.join(", ")}`);
    }
  }
  return new Set(values as TargetType[]);
}

function listAssociations({ org, params, query }: ApiContext): Reply {
  const policy = requirePolicy(org, params.policy_id ?? "");
  const targets = parseTargets(query);
  const q = parseListQuery(query, { sort: false, filter: false, fields: false });
  const connections = org.associationsOf(policy.id)
    .filter((a) => targets.has(a.type))
    .map((a) => ({ attributes: a.attributes, to: { attributes: null, id: a.id, type: a.type } }));
  return withListHeaders(listPage(connections, q, { knownFields: [] }));
}

function manageAssociation({ org, params, body, nowMs }: ApiContext): Reply {
  const policy = requirePolicy(org, params.policy_id ?? "");
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("Bad Request: request body must be a JSON object");
  const { op, type, id, attributes } = body as Record<string, unknown>;
  if (typeof op !== "string" || !(OPS as readonly string[]).includes(op)) throw badRequest(`op must be one of ${OPS.join(", ")}`, { name: "op", status: "invalidOp" });
  if (typeof type !== "string" || !(TARGET_TYPES as readonly string[]).includes(type)) {
    throw badRequest(`type must be one of ${TARGET_TYPES.join(", ")}`, { name: "type", status: "invalidType" });
  }
  if (typeof id !== "string" || id === "") throw badRequest("id is required", { name: "id", status: "nullId" });
  if (!isObjectId(id)) throw badRequest(`id "${id}" is not a valid ObjectId`, { name: "id", status: "invalidId" });
  if (attributes !== undefined && attributes !== null && (typeof attributes !== "object" || Array.isArray(attributes))) {
    throw badRequest("attributes must be an object", { name: "attributes", status: "invalidAttributes" });
  }
  const targetType = type as TargetType;
  if (!org.targetExists(targetType, id)) throw notFound(`${targetType} ${id}`);
  const existing = org.findAssociation(policy.id, targetType, id);
  const association = { type: targetType, id, attributes: (attributes as Record<string, unknown> | null | undefined) ?? null };
  if (op === "add") {
    if (existing) throw new HttpError(409, { code: 409, message: `policy ${policy.id} is already associated with ${targetType} ${id}` });
    const before = org.boundSystemIds(policy.id);
    org.addAssociation(policy.id, association);
    const added = [...org.boundSystemIds(policy.id)].filter((systemId) => !before.has(systemId));
    org.appendResults(pendingResults(org, policy.id, added, nowMs));
  } else {
    if (!existing) throw notFound(`association between policy ${policy.id} and ${targetType} ${id}`);
    if (op === "remove") org.removeAssociation(policy.id, targetType, id);
    else org.updateAssociation(policy.id, association);
  }
  return { status: 204 };
}

export const associationRoutes: ApiRoute[] = [
  { kind: "api", method: "GET", path: "/api/v2/policies/{policy_id}/associations", operationId: "graph_policyAssociationsList", handle: listAssociations },
  { kind: "api", method: "POST", path: "/api/v2/policies/{policy_id}/associations", operationId: "graph_policyAssociationsPost", handle: manageAssociation },
];
