// What the builder's pickers load through a credential: candidates for a resource locator (searched by name on
// the server), a policy template's config fields as a form, and the names shown beside ids in results.
import { validParameters } from "../parameters";
import type { DynamicFieldSet, IntegrationClient, NamesRequest, OptionsRequest, ResourceOption } from "../types";
import { JumpCloudError } from "./errors";
import { toDynamicField, type ConfigField } from "./policy-values";
import { requireOperation } from "./operations/index";
import { LOOKUP_IDS_PER_REQUEST } from "./operations/lookup";
import { isObjectId } from "./operations/schemas";

/** Pickers show at most this many candidates; the search narrows them on the server. */
export const RESOURCE_OPTIONS_LIMIT = 100;

type Row = Record<string, unknown>;

/** A v1 system: its display name (or hostname) first, the hostname and OS beside it. */
function systemOption(row: Row): ResourceOption {
  const value = String(row._id ?? row.id ?? "");
  const hostname = typeof row.hostname === "string" ? row.hostname : undefined;
  const label = String(row.displayName || hostname || value);
  const os = [row.os, row.version].filter((part): part is string => typeof part === "string" && part !== "").join(" ");
  const detail = [hostname !== label ? hostname : undefined, os || undefined].filter(Boolean).join(" · ");
  return { value, label, ...(hostname ? { name: hostname } : {}), ...(detail === "" ? {} : { detail }) };
}

function toOption(row: Row): ResourceOption {
  const value = String(row.id ?? "");
  const label = String(row.displayName ?? row.name ?? row.hostname ?? value);
  const detail = [row.name !== undefined && row.displayName !== undefined ? row.name : undefined, row.osMetaFamily, row.template && (row.template as Row).name]
    .filter((part): part is string => typeof part === "string" && part !== label)
    .join(" · ");
  return { value, label, ...(typeof row.name === "string" ? { name: row.name } : {}), ...(detail === "" ? {} : { detail }) };
}

async function run(client: IntegrationClient, resource: string, operation: string, parameters: Record<string, unknown>, scope: Record<string, unknown>) {
  const op = requireOperation(resource, operation);
  return client.run(op, validParameters(op, { ...scope, ...parameters }));
}

const rowsOf = (items: unknown[]) => items.filter((item): item is Row => typeof item === "object" && item !== null);

export async function listOptions(client: IntegrationClient, request: OptionsRequest): Promise<{ options: ResourceOption[]; limited: boolean }> {
  const op = requireOperation(request.locator.resource, request.locator.operation);
  if (op.method !== "GET" || !op.paginated) {
    throw new JumpCloudError({ kind: "invalidParameters", message: `${op.resource}.${op.operation} is not a listing operation.` });
  }
  const search = request.search?.trim();
  if (op.api === "v1") {
    // v1 searches hostname, display name and serial number with one term.
    const parameters = { options: { limit: RESOURCE_OPTIONS_LIMIT }, v1Sort: ["hostname"], v1Fields: ["hostname", "displayName", "os", "version"], ...(search ? { search } : {}) };
    const rows = rowsOf((await run(client, op.resource, op.operation, parameters, request.scope)).items);
    return { options: rows.map(systemOption), limited: rows.length >= RESOURCE_OPTIONS_LIMIT };
  }
  const options: Record<string, unknown> = { limit: RESOURCE_OPTIONS_LIMIT, sort: ["name"] };
  if (search) options.filter = [`name:search:${search.replaceAll(":", " ")}`];
  const result = await run(client, op.resource, op.operation, { options }, request.scope);
  const rows = rowsOf(result.items);
  return { options: rows.map(toOption), limited: rows.length >= RESOURCE_OPTIONS_LIMIT };
}

/** A policy template's editable config fields (by ObjectID or name, as policyData.template accepts), in order. */
export async function templateFields(client: IntegrationClient, template: string, scope: Record<string, unknown>): Promise<DynamicFieldSet> {
  let templateId = template;
  if (!isObjectId(template)) {
    const found = await run(client, "policyTemplate", "list", { options: { filter: [`name:eq:${template}`], limit: 1 } }, scope);
    const row = rowsOf(found.items)[0];
    if (!row) throw new JumpCloudError({ kind: "templateNotFound", message: `No policy template is named "${template}". List the templates to find its name.` });
    templateId = String(row.id);
  }
  const result = await run(client, "policyTemplate", "get", { id: templateId }, scope);
  const row = rowsOf(result.items)[0] ?? {};
  const fields = (Array.isArray(row.configFields) ? rowsOf(row.configFields) : []) as unknown as ConfigField[];
  return {
    title: `Config fields of ${String(row.displayName ?? row.name ?? templateId)}`,
    fields: fields
      .filter((field) => field.readOnly !== true)
      .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0))
      .map(toDynamicField),
  };
}

/** Where each kind of object is listed by id, and the name a person knows it by. */
const NAME_SOURCES: Record<string, { resource: string; operation: string; parameters(ids: string[]): Record<string, unknown>; read(row: Row): [string, string] | undefined }> = {
  policy: v2Names("policy"),
  system_group: v2Names("systemGroup"),
  system: {
    resource: "system",
    operation: "list",
    parameters: (ids) => ({ ids, options: { limit: ids.length }, v1Fields: ["hostname", "displayName"] }),
    read: (row) => (typeof row._id === "string" && (typeof row.hostname === "string" || typeof row.displayName === "string") ? [row._id, String(row.hostname || row.displayName)] : undefined),
  },
};

function v2Names(resource: string, field = "name") {
  return {
    resource,
    operation: "list",
    parameters: (ids: string[]) => ({ options: { filter: [`id:in:${ids.join("|")}`], fields: ["id", field], limit: ids.length } }),
    read: (row: Row): [string, string] | undefined => (typeof row.id === "string" && typeof row[field] === "string" ? [row.id, row[field] as string] : undefined),
  };
}

export const NAMED_KINDS = Object.keys(NAME_SOURCES);

/** Names of objects by id (a page per request); ids that are not found are left out. */
export async function lookupNames(client: IntegrationClient, request: NamesRequest): Promise<Record<string, string>> {
  const source = NAME_SOURCES[request.kind];
  if (!source) throw new JumpCloudError({ kind: "invalidParameters", message: `Names cannot be looked up for "${request.kind}"; use one of ${NAMED_KINDS.join(", ")}.` });
  const ids = [...new Set(request.ids)].filter(isObjectId);
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += LOOKUP_IDS_PER_REQUEST) chunks.push(ids.slice(start, start + LOOKUP_IDS_PER_REQUEST));
  const names: Record<string, string> = {};
  for (const chunk of chunks) {
    const result = await run(client, source.resource, source.operation, source.parameters(chunk), request.scope);
    for (const row of rowsOf(result.items)) {
      const entry = source.read(row);
      if (entry) names[entry[0]] = entry[1];
    }
  }
  return names;
}
