// Policy: create, get, list, update, delete. Create and update take several requests (template lookup, a
// create that is never duplicated, JumpCloud's whole-policy PUT), so their entries carry run and plan hooks.
import { z } from "zod";
import { closestNames } from "@/lib/text/closest-names";
import type { ParameterSpec } from "../../types";
import { JumpCloudError } from "../errors";
import { assertTemplateValues, checkTemplateValues, fillDefaults, mergeValues, toValueList, type ConfigField, type PolicyValue } from "../policy-values";
import { lookupInput, type CallInput } from "../request-builder";
import { listRecords, send, type RunContext } from "../run-context";
import { define, FULL_LIST, policyIdParam, READ_SCOPES, type Params } from "./define";
import { policyValues, templateRef, templateRefKind, type PolicyValuesInput, type TemplateRef } from "./schemas";

interface PolicyData {
  name?: string;
  template?: TemplateRef;
  values?: PolicyValuesInput;
  notes?: string;
}

interface TemplateDetails {
  id: string;
  name: string;
  configFields: ConfigField[];
}

/** A policy as GET /policies/{id} returns it (the fields this app reads). */
export interface PolicyDetails {
  id: string;
  name: string;
  notes?: string;
  template?: { id: string; name?: string };
  configFields?: ConfigField[];
  values?: PolicyValue[];
}

const policyDataOf = (params: Params) => (params.policyData ?? {}) as PolicyData;

const policyDataChildren = (forCreate: boolean): ParameterSpec[] => [
  {
    name: "name",
    label: "Name",
    help: "The policy's name as shown in the JumpCloud console.",
    kind: "text",
    in: "body",
    required: forCreate,
    placeholder: "Security Compliance Policy",
    schema: z.string().trim().min(1, "name must not be empty"),
  },
  {
    name: "template",
    label: "Template",
    help: forCreate
      ? "The policy template: its ObjectID, { \"id\": ... }, or its name such as windows_security_baseline."
      : "Optional; a policy's template cannot change, so this must name the policy's current template.",
    kind: "resourceLocator",
    in: "body",
    required: forCreate,
    // Written as the template's name, as in the integration guide.
    locator: { resource: "policyTemplate", operation: "list", pick: "name" },
    placeholder: "windows_security_baseline",
    schema: templateRef,
  },
  {
    name: "values",
    label: "Values",
    help: forCreate
      ? "Config field values: an object keyed by config field name ({\"timeout\": 900}) or [{configFieldID, value}]. Missing fields take the template's defaults."
      : "Config field values to change, keyed by config field name or as [{configFieldID, value}]; other values keep their current setting.",
    kind: "dynamicFields",
    in: "body",
    required: false,
    dynamicFields: {
      loader: "templateFields",
      dependsOn: "template",
      // A new policy needs every required field that has no default; an update keeps the current values.
      check: (fields, value, path) => checkTemplateValues(fields, value, path.split("."), { requireAll: forCreate }),
    },
    schema: policyValues,
  },
  {
    name: "notes",
    label: "Notes",
    help: "Free-text notes stored with the policy.",
    kind: "text",
    in: "body",
    required: false,
    schema: z.string(),
  },
];

const policyDataParam = (forCreate: boolean): ParameterSpec => ({
  name: "policyData",
  label: "Policy",
  help: forCreate ? "The new policy's name, template, values and notes." : "The fields to change; fields you leave out keep their current values.",
  kind: "collection",
  in: "body",
  required: true,
  children: policyDataChildren(forCreate),
  schema: z.unknown(),
});

const idOf = (params: Params) => String(params.policyId ?? "");
const show = (value: unknown) =>
  typeof value === "string" ? value : value && typeof value === "object" ? String((value as { id?: unknown; name?: unknown }).id ?? (value as { name?: unknown }).name) : "?";

// ---- create: resolve the template, fill defaults, never duplicate ------------------------------------------

async function getTemplate(ctx: RunContext, from: CallInput, id: string): Promise<TemplateDetails> {
  const result = await send(ctx, ctx.operation("policyTemplate", "get"), lookupInput(from, { path: { id } }));
  const body = result.body as Partial<TemplateDetails> | undefined;
  return { id, name: body?.name ?? id, configFields: body?.configFields ?? [] };
}

async function resolveTemplate(ctx: RunContext, from: CallInput, ref: TemplateRef): Promise<TemplateDetails> {
  const kind = templateRefKind(ref);
  if ("id" in kind) return getTemplate(ctx, from, kind.id);
  const list = ctx.operation("policyTemplate", "list");
  const matches = await listRecords(ctx, list, lookupInput(from, { list: { filter: [`name:eq:${kind.name}`], limit: 100 } }));
  const match = matches.find((t) => (t as { name?: unknown }).name === kind.name) as { id: string } | undefined;
  if (match) return getTemplate(ctx, from, match.id);
  const all = await listRecords(ctx, list, lookupInput(from, { returnAll: true }));
  const names = all.map((t) => (t as { name?: unknown }).name).filter((n): n is string => typeof n === "string");
  const close = closestNames(kind.name, names, { containment: true });
  throw new JumpCloudError({
    kind: "templateNotFound",
    message: `Policy template "${kind.name}" was not found. ${
      close.length > 0 ? `Did you mean: ${close.join(", ")}?` : `Available templates include: ${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}.`
    }`,
    path: "policyData.template",
  });
}

function findPoliciesByName(ctx: RunContext, from: CallInput, name: string): Promise<unknown[]> {
  return listRecords(ctx, ctx.operation("policy", "list"), lookupInput(from, { list: { filter: [`name:eq:${name}`], limit: 100 } }));
}

const idsOf = (records: unknown[]) => new Set(records.map((r) => (r as { id?: unknown }).id).filter((id): id is string => typeof id === "string"));

const create = define({
  resource: "policy",
  operation: "create",
  label: "Create",
  description: "Creates a new JumpCloud policy",
  method: "POST",
  path: "/policies",
  scopes: ["systems"],
  notFound: "templateNotFound",
  parameters: [policyDataParam(true)],
  example: {
    policyData: { name: "Security Compliance Policy", template: "windows_security_baseline" },
    additionalFields: { xOrgId: "64b7aa11bb22cc33dd44ee55" },
  },
  describeWrite: (params) => {
    const data = policyDataOf(params);
    return { action: "Create policy", summary: `Create policy '${data.name ?? "?"}' from template ${show(data.template)}`, destructive: false };
  },
  async run(ctx, params, input) {
    const data = policyDataOf(params);
    const name = data.name ?? "";
    // Same-named policies that exist before the POST, so a retried create can tell its own policy apart.
    const [template, existing] = await Promise.all([resolveTemplate(ctx, input, data.template ?? ""), findPoliciesByName(ctx, input, name)]);
    assertTemplateValues(template.configFields, data.values, { requireAll: true, templateName: template.name });
    const given = data.values ? toValueList(data.values, template.configFields, template.name) : [];
    const body = { name, template: { id: template.id }, values: fillDefaults(given, template.configFields), ...(data.notes === undefined ? {} : { notes: data.notes }) };
    const before = idsOf(existing);
    const result = await send(ctx, ctx.operation("policy", "create"), input, { body }, {
      idempotent: false,
      // POST /policies is not idempotent: after an ambiguous failure look for the policy by name first.
      recover: async (signal) => {
        const lookup = { ...ctx, signal: signal ?? ctx.signal };
        const created = (await findPoliciesByName(lookup, input, name)).find((p) => !before.has((p as { id: string }).id)) as { id: string } | undefined;
        if (!created) return undefined;
        return send(lookup, ctx.operation("policy", "get"), lookupInput(input, { path: { id: created.id } }));
      },
    });
    return [result.body];
  },
  plan(ctx, params, input) {
    const data = policyDataOf(params);
    const ref = templateRefKind(data.template ?? "");
    let templateId = "{templateId}";
    if ("id" in ref) templateId = ref.id;
    else {
      ctx.add(ctx.operation("policyTemplate", "list"), lookupInput(input, { list: { filter: [`name:eq:${ref.name}`], limit: 100 } }), `Find the template named "${ref.name}"`, {
        page: { skip: 0, limit: 100 },
      });
    }
    ctx.add(ctx.operation("policyTemplate", "get"), lookupInput(input, { path: { id: templateId } }), "Read the template's config fields and their defaults");
    ctx.add(ctx.operation("policy", "list"), lookupInput(input, { list: { filter: [`name:eq:${data.name ?? ""}`], limit: 100 } }), "Note existing policies with this name, so a retried create is never duplicated", {
      page: { skip: 0, limit: 100 },
    });
    const body = { name: data.name, template: { id: templateId }, values: data.values ?? [], ...(data.notes === undefined ? {} : { notes: data.notes }) };
    ctx.add(ctx.operation("policy", "create"), input, "Create the policy", { body });
    ctx.note("Config fields without a value take the template's default, and values given by name are sent as {configFieldID, value}.");
    ctx.note("If the create fails without a clear answer, the policy is looked up by name before any retry.");
  },
});

// ---- update: JumpCloud's PUT replaces the whole policy -------------------------------------------------------

function sameTemplate(ref: TemplateRef, current: PolicyDetails["template"]): boolean {
  const kind = templateRefKind(ref);
  return "id" in kind ? kind.id === current?.id : kind.name === current?.name;
}

/** How JumpCloud may hand back a sensitive value it will not reveal. */
export const isMasked = (value: unknown) => value === null || value === undefined || (typeof value === "string" && /^[*•●]+$/.test(value));

/**
 * The PUT writes back every value it is given: a sensitive value that came back masked would overwrite the secret with
 * its mask. It must be given anew (policyData.values.<name>) instead.
 */
function assertNoMaskedValues(values: readonly PolicyValue[], fields: readonly ConfigField[], templateName: string): void {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const masked = values.filter((v) => (v.sensitive || byId.get(v.configFieldID)?.sensitive) && isMasked(v.value));
  if (masked.length === 0) return;
  const issues = masked.map((v) => {
    const name = byId.get(v.configFieldID)?.name ?? v.configFieldID;
    return {
      path: `policyData.values.${name}`,
      severity: "error" as const,
      message: `${name} is sensitive and JumpCloud returned it masked, so it cannot be written back unchanged: give its value in policyData.values.${name}.`,
    };
  });
  throw new JumpCloudError({
    kind: "invalidParameters",
    message: `This update would overwrite ${masked.length === 1 ? "a sensitive value" : `${masked.length} sensitive values`} of template ${templateName} with a mask: ${issues[0]!.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}`,
    path: issues[0]!.path,
    issues,
  });
}

const update = define({
  resource: "policy",
  operation: "update",
  label: "Update",
  description: "Updates an existing policy",
  method: "PUT",
  path: "/policies/{id}",
  scopes: ["systems"],
  notFound: "policyNotFound",
  parameters: [{ ...policyIdParam(["id"]), wireName: "id" }, policyDataParam(false)],
  example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789", policyData: { notes: "Reviewed by compliance" } },
  describeWrite: (params) => {
    const changed = Object.keys(policyDataOf(params));
    return { action: "Update policy", summary: `Update policy ${idOf(params)}${changed.length > 0 ? ` (${changed.join(", ")})` : ""}`, destructive: false };
  },
  async run(ctx, params, input) {
    const data = policyDataOf(params);
    // Read it, apply the given fields, write it all back.
    const current = (await send(ctx, ctx.operation("policy", "get"), input)).body as PolicyDetails;
    const templateId = current.template?.id;
    if (!templateId) throw new JumpCloudError({ kind: "unexpectedResponse", message: "JumpCloud returned the policy without its template." });
    if (data.template !== undefined && !sameTemplate(data.template, current.template)) {
      throw new JumpCloudError({
        kind: "invalidParameters",
        message: `Invalid parameter policyData.template: a policy's template cannot be changed (this policy uses ${current.template?.name ?? templateId}); create a new policy instead.`,
        path: "policyData.template",
      });
    }
    const templateName = current.template?.name ?? templateId;
    const fields = current.configFields ?? (await getTemplate(ctx, input, templateId)).configFields;
    let changes: PolicyValue[] = [];
    if (data.values) {
      assertTemplateValues(fields, data.values, { requireAll: false, templateName });
      changes = toValueList(data.values, fields, templateName);
    }
    const values = mergeValues(current.values ?? [], changes);
    assertNoMaskedValues(values, fields, templateName);
    const notes = data.notes ?? current.notes;
    const body = { name: data.name ?? current.name, template: { id: templateId }, values, ...(notes === undefined ? {} : { notes }) };
    const result = await send(ctx, ctx.operation("policy", "update"), input, { body });
    return [result.body && typeof result.body === "object" ? result.body : { id: current.id, ...body }];
  },
  plan(ctx, params, input) {
    const data = policyDataOf(params);
    ctx.add(ctx.operation("policy", "get"), input, "Read the current policy (JumpCloud's PUT replaces the whole policy)");
    const body = { name: data.name ?? "<current name>", template: { id: "<current template id>" }, values: data.values ?? "<current values>", notes: data.notes ?? "<current notes>" };
    ctx.add(ctx.operation("policy", "update"), input, "Write the policy back with your changes", { body });
    ctx.note("Fields you did not give keep their current values; changed values are merged into the current ones.");
    ctx.note("A sensitive value JumpCloud returns masked is never written back: give it in policyData.values to update such a policy.");
  },
});

export const policyOperations = [
  create,
  define({
    resource: "policy",
    operation: "get",
    label: "Get",
    description: "Retrieves details of a specific policy",
    method: "GET",
    path: "/policies/{id}",
    scopes: READ_SCOPES,
    notFound: "policyNotFound",
    parameters: [{ ...policyIdParam(["id"]), wireName: "id" }],
    example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789" },
  }),
  define({
    resource: "policy",
    operation: "list",
    label: "List",
    description: "Retrieves all policies for the organization",
    method: "GET",
    path: "/policies",
    scopes: READ_SCOPES,
    notFound: "notFound",
    parameters: [],
    listOptions: FULL_LIST,
    example: { returnAll: true, options: { sort: ["name"] } },
  }),
  update,
  define({
    resource: "policy",
    operation: "delete",
    label: "Delete",
    description: "Deletes a policy",
    method: "DELETE",
    path: "/policies/{id}",
    scopes: ["systems"],
    notFound: "policyNotFound",
    parameters: [{ ...policyIdParam(["id"]), wireName: "id" }],
    example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789" },
    // A repeated DELETE that finds nothing means an earlier, unanswered attempt already deleted it.
    idempotent: true,
    acceptOnRetry: () => [404],
    result: (params) => [{ id: idOf(params), deleted: true }],
    describeWrite: (params) => ({ action: "Delete policy", summary: `Delete policy ${idOf(params)}`, destructive: true }),
  }),
];
