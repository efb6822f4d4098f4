// Runs one operation of the registry: the single-request calls, the concurrent lists, and the multi-step
// policy writes (template resolution, read-modify-write update, create that is never duplicated).
import { JumpCloudError } from "./errors";
import { findOperation, type OperationSpec } from "./operations";
import { fetchPages, type Pool } from "./paginate";
import { internalParams, templateRefKind, type NormalizedParams, type TemplateRef } from "./params";
import { closestNames, fillDefaults, mergeValues, toValueList, type ConfigField, type PolicyValue } from "./policy-values";
import { buildRequest, effectiveSort, planPages, type CallShape } from "./request-builder";
import type { Authorizer, Call, CallResult, Transport } from "./transport";

export interface RunContext {
  transport: Transport;
  authorizer: Authorizer;
  origin: string;
  /** Accept and x-org-id, computed once per run. */
  headers: Record<string, string>;
  pool: Pool;
  stats: { requests: number; pages: number };
  signal: AbortSignal;
}

function op(resource: string, operation: string): OperationSpec {
  const found = findOperation(resource, operation);
  if (!found) throw new Error(`registry is missing ${resource}.${operation}`);
  return found;
}

type CallOptions = Pick<Call, "idempotent" | "acceptOnRetry" | "recover">;

function send(ctx: RunContext, spec: OperationSpec, params: NormalizedParams, shape: CallShape = {}, options?: CallOptions, signal = ctx.signal): Promise<CallResult> {
  const built = buildRequest(spec, params, ctx.origin, ctx.headers, shape);
  return ctx.transport.send(
    { ...built, notFound: spec.notFound, idempotent: spec.method !== "POST", ...options },
    ctx.authorizer,
    ctx.stats,
    signal,
  );
}

function asArray(spec: OperationSpec, body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  const results = (body as { results?: unknown } | undefined)?.results;
  if (Array.isArray(results)) return results;
  throw new JumpCloudError({
    kind: "unexpectedResponse",
    message: `JumpCloud answered ${spec.method} ${spec.path} without a list of records.`,
  });
}

export async function listRecords(ctx: RunContext, spec: OperationSpec, params: NormalizedParams): Promise<unknown[]> {
  const plan = planPages(params.list, params.returnAll);
  const sort = effectiveSort(spec, params.list, plan);
  const targets = params.targets.length > 0 ? params.targets : [undefined];
  const lists = await Promise.all(
    targets.map((target) =>
      fetchPages(
        plan,
        async (page, signal) => {
          const result = await send(ctx, spec, params, { ...(page ? { page } : {}), ...(target ? { target } : {}), sort }, undefined, signal);
          return asArray(spec, result.body);
        },
        ctx.pool,
        ctx.signal,
      ),
    ),
  );
  let items: unknown[] = [];
  for (const list of lists) {
    ctx.stats.pages += list.pages;
    items = items.length === 0 ? list.items : items.concat(list.items);
  }
  return items;
}

interface TemplateDetails {
  id: string;
  name: string;
  configFields: ConfigField[];
}

interface PolicyDetails {
  id: string;
  name: string;
  notes?: string;
  template?: { id: string; name?: string };
  configFields?: ConfigField[];
  values?: PolicyValue[];
}

async function getTemplate(ctx: RunContext, params: NormalizedParams, id: string): Promise<TemplateDetails> {
  const result = await send(ctx, op("policyTemplate", "get"), internalParams(params, { path: { id } }));
  const body = result.body as Partial<TemplateDetails> | undefined;
  return { id, name: body?.name ?? id, configFields: body?.configFields ?? [] };
}

async function resolveTemplate(ctx: RunContext, params: NormalizedParams, ref: TemplateRef): Promise<TemplateDetails> {
  const kind = templateRefKind(ref);
  if ("id" in kind) return getTemplate(ctx, params, kind.id);
  const listSpec = op("policyTemplate", "list");
  const lookup = internalParams(params, { list: { filter: [`name:eq:${kind.name}`], limit: 100 } });
  const matches = await listRecords(ctx, listSpec, lookup);
  const match = matches.find((t) => (t as { name?: unknown }).name === kind.name) as { id: string } | undefined;
  if (match) return getTemplate(ctx, params, match.id);
  const all = await listRecords(ctx, listSpec, internalParams(params, { returnAll: true }));
  const names = all.map((t) => (t as { name?: unknown }).name).filter((n): n is string => typeof n === "string");
  const close = closestNames(kind.name, names);
  throw new JumpCloudError({
    kind: "templateNotFound",
    message: `Policy template "${kind.name}" was not found. ${
      close.length > 0 ? `Did you mean: ${close.join(", ")}?` : `Available templates include: ${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}.`
    }`,
    parameterPath: "policyData.template",
  });
}

function findPoliciesByName(ctx: RunContext, params: NormalizedParams, name: string, signal?: AbortSignal): Promise<unknown[]> {
  const lookup = internalParams(params, { list: { filter: [`name:eq:${name}`], limit: 100 } });
  return signal ? listRecords({ ...ctx, signal }, op("policy", "list"), lookup) : listRecords(ctx, op("policy", "list"), lookup);
}

function idsOf(records: unknown[]): Set<string> {
  return new Set(records.map((r) => (r as { id?: unknown }).id).filter((id): id is string => typeof id === "string"));
}

async function createPolicy(ctx: RunContext, spec: OperationSpec, params: NormalizedParams): Promise<unknown[]> {
  const data = params.policyData ?? {};
  const name = data.name ?? "";
  // Same-named policies that exist before the POST, so a retried create can tell its own policy apart.
  const [template, existing] = await Promise.all([
    resolveTemplate(ctx, params, data.template ?? ""),
    findPoliciesByName(ctx, params, name),
  ]);
  const given = data.values ? toValueList(data.values, template.configFields, template.name) : [];
  const body = {
    name,
    template: { id: template.id },
    values: fillDefaults(given, template.configFields),
    ...(data.notes === undefined ? {} : { notes: data.notes }),
  };
  const before = idsOf(existing);
  const result = await send(ctx, spec, params, { body }, {
    idempotent: false,
    // POST /policies is not idempotent: after an ambiguous failure look for the policy by name first.
    recover: async (signal) => {
      const created = (await findPoliciesByName(ctx, params, name, signal)).find((p) => !before.has((p as { id: string }).id)) as
        | { id: string }
        | undefined;
      if (!created) return undefined;
      return send(ctx, op("policy", "get"), internalParams(params, { path: { id: created.id } }), {}, undefined, signal);
    },
  });
  return [result.body];
}

function sameTemplate(ref: TemplateRef, current: PolicyDetails["template"]): boolean {
  const kind = templateRefKind(ref);
  return "id" in kind ? kind.id === current?.id : kind.name === current?.name;
}

async function updatePolicy(ctx: RunContext, spec: OperationSpec, params: NormalizedParams): Promise<unknown[]> {
  const data = params.policyData ?? {};
  // JumpCloud's PUT replaces the whole policy: read it, apply the given fields, write it all back.
  const current = (await send(ctx, op("policy", "get"), params)).body as PolicyDetails;
  const templateId = current.template?.id;
  if (!templateId) {
    throw new JumpCloudError({ kind: "unexpectedResponse", message: "JumpCloud returned the policy without its template." });
  }
  if (data.template !== undefined && !sameTemplate(data.template, current.template)) {
    throw new JumpCloudError({
      kind: "invalidParameters",
      message: `Invalid parameter policyData.template: a policy's template cannot be changed (this policy uses ${current.template?.name ?? templateId}); create a new policy instead.`,
      parameterPath: "policyData.template",
    });
  }
  let changes: PolicyValue[] = [];
  if (data.values) {
    const fields = current.configFields ?? (await getTemplate(ctx, params, templateId)).configFields;
    changes = toValueList(data.values, fields, current.template?.name ?? templateId);
  }
  const notes = data.notes ?? current.notes;
  const body = {
    name: data.name ?? current.name,
    template: { id: templateId },
    values: mergeValues(current.values ?? [], changes),
    ...(notes === undefined ? {} : { notes }),
  };
  const result = await send(ctx, spec, params, { body });
  return [result.body && typeof result.body === "object" ? result.body : { id: current.id, ...body }];
}

export async function executeOperation(ctx: RunContext, spec: OperationSpec, params: NormalizedParams): Promise<unknown[]> {
  const key = `${spec.resource}.${spec.operation}`;
  if (key === "policy.create") return createPolicy(ctx, spec, params);
  if (key === "policy.update") return updatePolicy(ctx, spec, params);
  if (spec.paginated) return listRecords(ctx, spec, params);
  if (key === "policy.delete") {
    // A repeated DELETE that finds nothing means an earlier, unanswered attempt already deleted it.
    await send(ctx, spec, params, {}, { idempotent: true, acceptOnRetry: [404] });
    return [{ id: params.path.id, deleted: true }];
  }
  if (key === "policyAssociation.manage") {
    const association = params.associationData!;
    const body = { op: association.op, type: association.type, id: association.id, ...(association.attributes === undefined ? {} : { attributes: association.attributes }) };
    // Safe to retry: adding or removing the same edge twice leaves the same graph. A repeated add may be
    // answered 409 (and a repeated remove 404), which then means the first, unanswered attempt landed.
    const acceptOnRetry = association.op === "add" ? [409] : association.op === "remove" ? [404] : [];
    await send(ctx, spec, params, { body }, { idempotent: true, acceptOnRetry });
    return [{ policyId: params.path.policy_id, ...body, success: true }];
  }
  const result = await send(ctx, spec, params);
  return result.body === undefined ? [] : [result.body];
}
