import { badRequest, HttpError, notFound } from "../http-io";
import type { PolicyRecord, PolicyTemplate } from "../model";
import { isObjectId } from "../object-id";
import type { OrgStore } from "../org-store";
import { validateValues } from "../policy-values";
import { listPage, parseListQuery } from "../query";
import type { ApiContext, ApiRoute, Reply } from "../router";
import { pendingResults } from "../result-factory";
import { policyDetailsView, policyView } from "../views";
import { withListHeaders } from "./list-reply";

const POLICY_FIELDS = ["id", "name", "template"];

/** Looks a path id up; a malformed ObjectId is a 400 as in JumpCloud's Mongo-backed API, an unknown one a 404. */
export function requirePolicy(org: OrgStore, id: string): PolicyRecord {
  if (!isObjectId(id)) throw badRequest(`Bad Request: "${id}" is not a valid policy id`);
  const policy = org.policy(id);
  if (!policy) throw notFound("Policy");
  return policy;
}

function templateOf(org: OrgStore, policy: PolicyRecord): PolicyTemplate {
  const template = org.template(policy.templateId);
  if (!template) throw new HttpError(500, { code: 500, message: "Internal Server Error" });
  return template;
}

function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("Bad Request: request body must be a JSON object");
  return body as Record<string, unknown>;
}

function validName(org: OrgStore, name: unknown, exceptId?: string): string {
  if (name === undefined || name === null || (typeof name === "string" && name.trim() === "")) {
    throw badRequest("name is required", { name: "name", status: "nullName" });
  }
  if (typeof name !== "string" || name.length > 255) throw badRequest("name must be a string of at most 255 characters", { name: "name", status: "invalidName" });
  const existing = org.policyNamed(name);
  if (existing && existing.id !== exceptId) throw new HttpError(409, { code: 409, message: `A policy named "${name}" already exists`, status: "duplicateName" });
  return name;
}

function validNotes(notes: unknown): string {
  if (notes === undefined || notes === null) return "";
  if (typeof notes !== "string") throw badRequest("notes must be a string", { name: "notes", status: "invalidNotes" });
  return notes;
}

function validTemplate(org: OrgStore, template: unknown): PolicyTemplate {
  const id = typeof template === "object" && template !== null ? (template as Record<string, unknown>).id : undefined;
  if (id === undefined || id === null || id === "") throw badRequest("template.id is required", { name: "template.id", status: "nullTemplateId" });
  const found = typeof id === "string" && isObjectId(id) ? org.template(id) : undefined;
  if (!found) throw badRequest(`template.id "${String(id)}" is not a known policy template`, { name: "template.id", status: "invalidTemplateId" });
  return found;
}

function listPolicies({ org, query }: ApiContext): Reply {
  const q = parseListQuery(query, { sort: true, filter: true, fields: true });
  const views = policyViews(org);
  return withListHeaders(listPage(views, q, { knownFields: POLICY_FIELDS }));
}

/** Views are cached per policy-list identity so sorted indexes survive between requests. */
const viewCache = new WeakMap<readonly PolicyRecord[], ReturnType<typeof policyView>[]>();
function policyViews(org: OrgStore): ReturnType<typeof policyView>[] {
  const policies = org.policies();
  let views = viewCache.get(policies);
  if (!views) viewCache.set(policies, (views = policies.map((p) => policyView(p, templateOf(org, p)))));
  return views;
}

function createPolicy({ org, body, nowMs }: ApiContext): Reply {
  const input = bodyObject(body);
  const name = validName(org, input.name);
  const template = validTemplate(org, input.template);
  const values = validateValues(template, input.values);
  const policy = org.insertPolicy({ name, notes: validNotes(input.notes), templateId: template.id, values }, nowMs);
  return { status: 201, body: policyDetailsView(policy, template) };
}

function getPolicy({ org, params }: ApiContext): Reply {
  const policy = requirePolicy(org, params.id ?? "");
  return { status: 200, body: policyDetailsView(policy, templateOf(org, policy)) };
}

/** PUT replaces the policy: notes and values left out are cleared (api-notes 2.4). */
function replacePolicy({ org, params, body, nowMs }: ApiContext): Reply {
  const current = requirePolicy(org, params.id ?? "");
  const input = bodyObject(body);
  const template = templateOf(org, current);
  const templateId = typeof input.template === "object" && input.template !== null ? (input.template as Record<string, unknown>).id : undefined;
  if (templateId !== undefined && templateId !== template.id) {
    throw badRequest("template.id cannot be changed on an existing policy", { name: "template.id", status: "invalidTemplateId" });
  }
  const name = validName(org, input.name, current.id);
  const policy = org.replacePolicy(current.id, { name, notes: validNotes(input.notes), values: validateValues(template, input.values) });
  // A changed policy is re-applied: its bound systems report pending until the agent checks in.
  org.appendResults(pendingResults(org, policy.id, org.boundSystemIds(policy.id), nowMs));
  return { status: 200, body: policyView(policy, template) };
}

function deletePolicy({ org, params }: ApiContext): Reply {
  const policy = requirePolicy(org, params.id ?? "");
  org.deletePolicy(policy.id);
  return { status: 204 };
}

export const policyRoutes: ApiRoute[] = [
  { kind: "api", method: "GET", path: "/api/v2/policies", operationId: "policies_list", handle: listPolicies },
  { kind: "api", method: "POST", path: "/api/v2/policies", operationId: "policies_post", handle: createPolicy },
  { kind: "api", method: "GET", path: "/api/v2/policies/{id}", operationId: "policies_get", handle: getPolicy },
  { kind: "api", method: "PUT", path: "/api/v2/policies/{id}", operationId: "policies_put", handle: replacePolicy },
  { kind: "api", method: "DELETE", path: "/api/v2/policies/{id}", operationId: "policies_delete", handle: deletePolicy },
];
