import "server-only";
import { clientForCredential } from "@/lib/credentials/credential-connection";
import { findOperation } from "@/lib/integrations/jumpcloud/operations";
import { NodeConfigError } from "./node-config-errors";

/** Pickers show at most this many candidates; the search narrows them on the server. */
export const RESOURCE_OPTIONS_LIMIT = 100;

export interface ResourceOption {
  value: string;
  label: string;
  /** The record's `name` (a template's stable name such as windows_security_baseline). */
  name?: string;
  /** A second line: the template a policy uses, a template's OS family, ... */
  detail?: string;
}

export interface ResourceOptionsRequest {
  credentialId: string;
  resource: string;
  operation: string;
  search?: string | undefined;
  xOrgId?: string | undefined;
}

type Row = Record<string, unknown>;

function toOption(row: Row): ResourceOption {
  const value = String(row.id ?? "");
  const label = String(row.displayName ?? row.name ?? row.hostname ?? value);
  const detail = [row.name !== undefined && row.displayName !== undefined ? row.name : undefined, row.osMetaFamily, row.template && (row.template as Row).name]
    .filter((part): part is string => typeof part === "string" && part !== label)
    .join(" · ");
  return { value, label, ...(typeof row.name === "string" ? { name: row.name } : {}), ...(detail === "" ? {} : { detail }) };
}

const orgFields = (xOrgId: string | undefined) => (xOrgId ? { additionalFields: { xOrgId } } : {});

/**
 * Candidates for a resource locator, listed through the credential with the registry's listing operation,
 * bounded and filtered on the server by a name search.
 */
export async function listResourceOptions(request: ResourceOptionsRequest): Promise<{ options: ResourceOption[]; limited: boolean }> {
  const op = findOperation(request.resource, request.operation);
  if (!op || op.method !== "GET" || !op.paginated) {
    throw new NodeConfigError("invalid", `${request.resource}.${request.operation} is not a listing operation.`);
  }
  const { client } = await clientForCredential(request.credentialId, {});
  const search = request.search?.trim();
  const options: Record<string, unknown> = { limit: RESOURCE_OPTIONS_LIMIT, sort: ["name"] };
  if (search) options.filter = [`name:search:${search.replaceAll(":", " ")}`];
  const result = await client.run(request.resource, request.operation, { options, ...orgFields(request.xOrgId) });
  const rows = result.items.filter((item): item is Row => typeof item === "object" && item !== null);
  return { options: rows.map(toOption), limited: rows.length >= RESOURCE_OPTIONS_LIMIT };
}

export interface TemplateConfigField {
  id: string;
  name: string;
  label: string;
  displayType: string;
  defaultValue: unknown;
  required: boolean;
  options: Array<{ value: string; label: string }>;
}

export interface PolicyTemplateDetails {
  id: string;
  name: string;
  displayName: string;
  configFields: TemplateConfigField[];
}

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

/**
 * A policy template's config fields, read with policyTemplate.get through the credential. `template` is its
 * ObjectID or its name (as policyData.template accepts), which is looked up first.
 */
export async function getPolicyTemplate(credentialId: string, template: string, xOrgId?: string): Promise<PolicyTemplateDetails> {
  const { client } = await clientForCredential(credentialId, {});
  let templateId = template;
  if (!OBJECT_ID.test(template)) {
    const found = await client.run("policyTemplate", "list", { options: { filter: [`name:eq:${template}`], limit: 1 }, ...orgFields(xOrgId) });
    const row = found.items[0] as Row | undefined;
    if (!row) throw new NodeConfigError("notFound", `No policy template is named "${template}". List the templates to find its name.`);
    templateId = String(row.id);
  }
  const result = await client.run("policyTemplate", "get", { id: templateId, ...orgFields(xOrgId) });
  const row = (result.items[0] ?? {}) as Row;
  const fields = Array.isArray(row.configFields) ? (row.configFields as Row[]) : [];
  return {
    id: String(row.id ?? templateId),
    name: String(row.name ?? ""),
    displayName: String(row.displayName ?? row.name ?? ""),
    configFields: fields
      .filter((field) => field.readOnly !== true)
      .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0))
      .map((field) => {
        const select = ((field.displayOptions as Row | null)?.select ?? []) as Array<{ text: string; value: string }>;
        return {
          id: String(field.id),
          name: String(field.name),
          label: String(field.label ?? field.name),
          displayType: String(field.displayType ?? "text"),
          defaultValue: field.defaultValue ?? null,
          required: field.required === true,
          options: select.map((option) => ({ value: String(option.value), label: String(option.text ?? option.value) })),
        };
      }),
  };
}
