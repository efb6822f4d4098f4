// The request planner for the preview and "copy as curl": the exact requests an operation will send, built by
// the same functions the executor uses, with secrets masked. Pure and browser-safe.
import { defaultOrgId, describeAuth, maskedAuthHeaders, type AuthDescriptor, type JumpCloudAuth } from "./auth";
import { resolveEndpoints, type ConnectionSettings } from "./hosts";
import { findOperation, type OperationSpec } from "./operations";
import { assertAuthSupported, internalParams, normalizeParams, requireOperation, templateRefKind, type NormalizedParams } from "./params";
import { baseHeaders, buildRequest, effectiveSort, planPages, type CallShape } from "./request-builder";
import { MASK } from "./redact";

export interface PlannedRequest {
  method: string;
  url: string;
  /** Real header names; secret values shown as "••••". */
  headers: Record<string, string>;
  body?: unknown;
  purpose: string;
  /** For returnAll: this request is the first of a series. */
  pagination?: { pageSize: number; until: string };
}

export interface RequestPlan {
  resource: string;
  operation: string;
  label: string;
  requests: PlannedRequest[];
  notes: string[];
}

export interface PlanInput {
  resource: string;
  operation: string;
  params: unknown;
  /** A full credential or just its non-secret descriptor; secrets are never copied into the plan. */
  auth: JumpCloudAuth | AuthDescriptor;
  connection?: ConnectionSettings;
  allowedOrigins?: readonly string[];
}

function spec(resource: string, operation: string): OperationSpec {
  return findOperation(resource, operation)!;
}

export function planRequests(input: PlanInput): RequestPlan {
  const op = requireOperation(input.resource, input.operation);
  const auth = describeAuth(input.auth);
  assertAuthSupported(op, auth.type);
  const params = normalizeParams(op, input.params);
  const { origin } = resolveEndpoints(input.connection, input.allowedOrigins);
  const headers = { ...baseHeaders(params.orgId ?? defaultOrgId(auth)), ...maskedAuthHeaders(auth) };
  const requests: PlannedRequest[] = [];
  const notes: string[] = [];
  const add = (target: OperationSpec, p: NormalizedParams, purpose: string, shape: CallShape = {}, extra: Partial<PlannedRequest> = {}) => {
    const built = buildRequest(target, p, origin, headers, shape);
    // A value only known at run time stays a readable placeholder instead of its URL encoding.
    const url = built.url.replace("%7BtemplateId%7D", "{templateId}");
    requests.push({ method: built.method, url, headers: built.headers, ...(built.body === undefined ? {} : { body: built.body }), purpose, ...extra });
  };

  const key = `${op.resource}.${op.operation}`;
  if (key === "policy.create") {
    const data = params.policyData ?? {};
    const ref = templateRefKind(data.template ?? "");
    let templateId = "{templateId}";
    if ("id" in ref) {
      templateId = ref.id;
    } else {
      add(spec("policyTemplate", "list"), internalParams(params, { list: { filter: [`name:eq:${ref.name}`], limit: 100 } }), `Find the template named "${ref.name}"`, {
        page: { skip: 0, limit: 100 },
      });
    }
    add(spec("policyTemplate", "get"), internalParams(params, { path: { id: templateId } }), "Read the template's config fields and their defaults");
    add(spec("policy", "list"), internalParams(params, { list: { filter: [`name:eq:${data.name ?? ""}`], limit: 100 } }), "Note existing policies with this name, so a retried create is never duplicated", {
      page: { skip: 0, limit: 100 },
    });
    const body = { name: data.name, template: { id: templateId }, values: data.values ?? [], ...(data.notes === undefined ? {} : { notes: data.notes }) };
    add(op, params, "Create the policy", { body });
    notes.push("Config fields without a value take the template's default, and values given by name are sent as {configFieldID, value}.");
    notes.push("If the create fails without a clear answer, the policy is looked up by name before any retry.");
  } else if (key === "policy.update") {
    add(spec("policy", "get"), params, "Read the current policy (JumpCloud's PUT replaces the whole policy)");
    const data = params.policyData ?? {};
    const body = {
      name: data.name ?? "<current name>",
      template: { id: "<current template id>" },
      values: data.values ?? "<current values>",
      notes: data.notes ?? "<current notes>",
    };
    add(op, params, "Write the policy back with your changes", { body });
    notes.push("Fields you did not give keep their current values; changed values are merged into the current ones.");
  } else if (op.paginated) {
    const plan = planPages(params.list, params.returnAll);
    const sort = effectiveSort(op, params.list, plan);
    const targets = params.targets.length > 0 ? params.targets : [undefined];
    for (const target of targets) {
      const suffix = target ? ` (${target})` : "";
      if (plan.kind === "single") {
        add(op, params, `${op.label}${suffix}`, { ...(plan.page ? { page: plan.page } : {}), ...(target ? { target } : {}), sort });
      } else if (plan.kind === "fixed") {
        plan.pages.forEach((page, index) =>
          add(op, params, `${op.label}${suffix}, page ${index + 1} of ${plan.pages.length}`, { page, ...(target ? { target } : {}), sort }),
        );
      } else {
        add(op, params, `${op.label}${suffix}, first page`, { page: { skip: plan.startSkip, limit: plan.pageSize }, ...(target ? { target } : {}), sort }, {
          pagination: { pageSize: plan.pageSize, until: `a page returns fewer than ${plan.pageSize} records` },
        });
      }
    }
    if (plan.kind === "all") notes.push(`Return All fetches skip=${plan.startSkip}, ${plan.startSkip + plan.pageSize}, … several pages at a time until a page is short.`);
    if (sort !== params.list.sort) notes.push("id is added to the sort so records cannot move between pages.");
  } else if (op.resource === "policyAssociation") {
    const a = params.associationData!;
    add(op, params, op.label, { body: { op: a.op, type: a.type, id: a.id, ...(a.attributes === undefined ? {} : { attributes: a.attributes }) } });
  } else {
    add(op, params, op.label);
  }
  return { resource: op.resource, operation: op.operation, label: op.label, requests, notes };
}

/** A shell command for the request; masked secrets become environment variables the user sets. */
export function toCurl(request: PlannedRequest): string {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const parts = [`curl -X ${request.method} ${quote(request.url)}`];
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === "x-api-key" && value === MASK) parts.push(`-H "x-api-key: $JUMPCLOUD_API_KEY"`);
    else if (name === "Authorization" && value === `Bearer ${MASK}`) parts.push(`-H "Authorization: Bearer $JUMPCLOUD_TOKEN"`);
    else parts.push(`-H ${quote(`${name}: ${value}`)}`);
  }
  if (request.body !== undefined) parts.push(`-d ${quote(JSON.stringify(request.body))}`);
  return parts.join(" \\\n  ");
}
