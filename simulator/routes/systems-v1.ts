import { unauthorized } from "../auth";
import { badRequest, notFound } from "../http-io";
import { isObjectId } from "../object-id";
import type { ApiContext, ApiRoute, Reply } from "../router";
import { systemV1View } from "../views";

/** v1 GET /api/systems/{id}: the System Context test call; a signed system may only read itself. */
function getSystem({ org, params, caller }: ApiContext): Reply {
  const id = params.id ?? "";
  if (caller.kind === "system" && caller.systemId !== id) throw unauthorized("a system may only access its own record");
  if (!isObjectId(id)) throw badRequest(`Bad Request: "${id}" is not a valid system id`);
  const system = org.system(id);
  if (!system) throw notFound("System");
  return { status: 200, body: systemV1View(system, org.orgId) };
}

export const systemV1Routes: ApiRoute[] = [
  { kind: "api", method: "GET", path: "/api/systems/{id}", operationId: "systems_get", systemContext: true, handle: getSystem },
];
