// What the builder's pickers load through a credential: candidates for a resource locator (searched by name on
// the server) and a policy template's config fields as a form.
import { validParameters } from "../parameters";
import type { DynamicFieldSet, IntegrationClient, OptionsRequest, ResourceOption } from "../types";
import { JumpCloudError } from "./errors";
import { toDynamicField, type ConfigField } from "./policy-values";
import { requireOperation } from "./operations/index";
import { isObjectId } from "./operations/schemas";

/** Pickers show at most this many candidates; the search narrows them on the server. */
export const RESOURCE_OPTIONS_LIMIT = 100;

type Row = Record<string, unknown>;

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
