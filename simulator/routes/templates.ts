import { badRequest, notFound } from "../http-io";
import { isObjectId } from "../object-id";
import { listPage, parseListQuery } from "../query";
import type { ApiContext, ApiRoute, Reply } from "../router";
import { templateDetailsView, templateView } from "../views";
import { withListHeaders } from "./list-reply";

const TEMPLATE_FIELDS = ["id", "name", "displayName", "description", "osMetaFamily", "activation", "behavior", "deliveryTypes", "state", "alert", "reference", "osRestrictions"];

const viewCache = new WeakMap<object, ReturnType<typeof templateView>[]>();

function listTemplates({ org, query }: ApiContext): Reply {
  let views = viewCache.get(org.templates);
  if (!views) viewCache.set(org.templates, (views = org.templates.map(templateView)));
  return withListHeaders(listPage(views, parseListQuery(query, { sort: true, filter: true, fields: true }), { knownFields: TEMPLATE_FIELDS }));
}

function getTemplate({ org, params }: ApiContext): Reply {
  const id = params.id ?? "";
  if (!isObjectId(id)) throw badRequest(`Bad Request: "${id}" is not a valid policy template id`);
  const template = org.template(id);
  if (!template) throw notFound("Policy template");
  return { status: 200, body: templateDetailsView(template) };
}

export const templateRoutes: ApiRoute[] = [
  { kind: "api", method: "GET", path: "/api/v2/policytemplates", operationId: "policytemplates_list", handle: listTemplates },
  { kind: "api", method: "GET", path: "/api/v2/policytemplates/{id}", operationId: "policytemplates_get", handle: getTemplate },
];
