// How a JumpCloud operation is described: its HTTP call, its parameters (each saying where it goes on the wire),
// the zod schema built from them, and optional hooks where an operation does more than one request. One entry per
// operation, in the file of its resource; the generic parts (form, validation, docs, API) read the same entry.
import { z } from "zod";
import type { JsonObject } from "@/lib/json/json-value";
import type { OperationDescription, ParameterSpec, WriteDescription } from "../../types";
import type { JumpCloudErrorKind } from "../errors";
import { FILTER_EXAMPLE, findFieldWarnings, RESOURCE_RESULT_OBJECT } from "../field-warnings";
import type { PlanContext } from "../plan";
import type { CallInput } from "../request-builder";
import type { RunContext } from "../run-context";
import { flexibleBoolean, flexibleInt, fieldList, filterList, objectId, sortList } from "./schemas";

export type AuthType = "apiKey" | "systemContext" | "serviceAccount";
export type ListOption = "limit" | "skip" | "filter" | "sort" | "fields";
export type Method = "GET" | "POST" | "PUT" | "DELETE";

/** Validated parameters as the hooks read them (the operation's schema output). */
export type Params = Readonly<Record<string, unknown>>;

export interface JumpCloudOperation extends OperationDescription {
  method: Method;
  /** Path under `/api/v2` (or `/api` for v1), with `{wireName}` placeholders filled from `in: "path"` parameters. */
  path: string;
  /** JumpCloud's v1 API (systems) instead of v2. */
  api?: "v1";
  /** OAuth scopes a service account needs (the spec's x-scopes). */
  scopes: readonly string[];
  /** What a 404 on this call means. */
  notFound: JumpCloudErrorKind;
  listOptions: readonly ListOption[];
  paginated: boolean;
  /** One request per value of this query parameter (by wire name), results merged. */
  fanOut?: string;
  /** Safe to repeat after an ambiguous failure; default: every method but POST. */
  idempotent?: boolean;
  /** Statuses that, on a repeated attempt, mean an earlier attempt already did the work. */
  acceptOnRetry?(params: Params): readonly number[];
  /** The records a successful write reports when JumpCloud answers without a body. */
  result?(params: Params, input: CallInput): unknown[];
  /** Replaces the default run (one request, or the pages of a list). */
  run?(ctx: RunContext, params: Params, input: CallInput): Promise<unknown[]>;
  /** Replaces the default plan (the requests the default run would send). */
  plan?(ctx: PlanContext, params: Params, input: CallInput): void;
}

type Draft = Omit<
  JumpCloudOperation,
  "schema" | "parameters" | "authTypes" | "listOptions" | "paginated" | "writes" | "endpoint" | "describeWrite" | "warnings"
> & {
  parameters: ParameterSpec[];
  listOptions?: readonly ListOption[];
  describeWrite?(params: Params): WriteDescription;
};

// ---- parameter builders ---------------------------------------------------------------------------------

export function idParam(name: string, label: string, wireName: string, help: string, locator?: ParameterSpec["locator"], aliases?: string[]): ParameterSpec {
  return {
    name,
    label,
    help,
    kind: locator ? "resourceLocator" : "text",
    in: "path",
    wireName,
    required: true,
    placeholder: "5f4d7c8e9a1b2c3d4e5f6789",
    ...(locator ? { locator } : {}),
    ...(aliases ? { aliases } : {}),
    schema: objectId(name),
  };
}

export const policyIdParam = (aliases?: string[]) =>
  idParam("policyId", "Policy", "policy_id", "The policy: pick one from the list or paste its ObjectID.", { resource: "policy", operation: "list" }, aliases);

const additionalFields: ParameterSpec = {
  name: "additionalFields",
  label: "Additional Fields",
  help: "Optional settings that apply to any operation.",
  kind: "collection",
  in: "client",
  required: false,
  default: {},
  children: [
    {
      name: "xOrgId",
      label: "Organization ID",
      help: "Sent as the x-org-id header; required for multi-org (MTP) admins, overrides the credential's default org id.",
      kind: "text",
      in: "header",
      wireName: "x-org-id",
      required: false,
      placeholder: "5f4d7c8e9a1b2c3d4e5f6789",
      // Also filled from a top-level xOrgId (or x_org_id) in the input data, like the other extracted parameters.
      extractAs: ["xOrgId", "x_org_id"],
      // Checked before anything is sent: a placeholder such as the guide's "your-org-id" would reach the wrong org or none.
      schema: objectId("xOrgId"),
    },
  ],
  schema: z.unknown(),
};

const returnAllParam: ParameterSpec = {
  name: "returnAll",
  label: "Return All",
  help: "Fetch every page (100 records per request, several requests at once) instead of stopping at Limit.",
  kind: "boolean",
  in: "client",
  required: false,
  default: false,
  schema: flexibleBoolean,
};

const listOptionSpecs: Record<ListOption, ParameterSpec> = {
  limit: {
    name: "limit",
    label: "Limit",
    help: "Maximum number of records to return. Larger values are fetched 100 per request (JumpCloud's maximum).",
    kind: "number",
    in: "query",
    required: false,
    default: 10,
    showWhen: { returnAll: [false] },
    schema: flexibleInt(1),
  },
  skip: {
    name: "skip",
    label: "Skip",
    help: "Number of records to skip before the first one returned.",
    kind: "number",
    in: "query",
    required: false,
    default: 0,
    schema: flexibleInt(0),
  },
  filter: {
    name: "filter",
    label: "Filter",
    help: "One or more filters as field:operator:value (operators eq, ne, gt, ge, lt, le, between, search, in; in takes a|b). All must match.",
    kind: "multiOptions",
    in: "query",
    required: false,
    placeholder: "name:eq:Security Compliance Policy",
    schema: filterList,
  },
  sort: {
    name: "sort",
    label: "Sort",
    help: "Fields to sort by, in order; prefix a field with - to sort descending (e.g. -startedAt). When several pages are read, id is added last so records cannot move between pages.",
    kind: "multiOptions",
    in: "query",
    required: false,
    placeholder: "name",
    schema: sortList,
  },
  fields: {
    name: "fields",
    label: "Fields",
    help: "Only return these fields of each record (e.g. id, name).",
    kind: "multiOptions",
    in: "query",
    required: false,
    placeholder: "id,name",
    schema: fieldList,
  },
};

const strictSpec: ParameterSpec = {
  name: "strict",
  label: "Strict",
  help: "Refuse filter, sort and fields entries that name a field the records do not have, instead of sending them with a warning.",
  kind: "boolean",
  in: "client",
  required: false,
  default: false,
  schema: flexibleBoolean,
};

function listParams(resource: string, listOptions: readonly ListOption[]): ParameterSpec[] {
  const example = FILTER_EXAMPLE[RESOURCE_RESULT_OBJECT[resource] ?? "Policy"];
  const specs = listOptions.map((o) => (o === "filter" ? { ...listOptionSpecs.filter, placeholder: example } : listOptionSpecs[o]));
  const checksFields = listOptions.some((o) => o === "filter" || o === "sort" || o === "fields");
  return [
    returnAllParam,
    {
      name: "options",
      label: "Options",
      help: `List options this endpoint supports: ${listOptions.join(", ")}.`,
      kind: "collection",
      in: "query",
      required: false,
      default: {},
      // returnAll is accepted here too because the integration guide writes it there in one example.
      children: [...specs, ...(checksFields ? [strictSpec] : []), { ...returnAllParam, showWhen: undefined }],
      schema: z.unknown(),
    },
  ];
}

// ---- schemas from parameters ----------------------------------------------------------------------------

/** Builds a collection's zod schema from its children so the UI metadata and the validation cannot drift. */
function collectionSchema(children: readonly ParameterSpec[], label: string): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const child of children) shape[child.name] = child.required ? child.schema : child.schema.optional();
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `${label} does not support ${issue.keys.join(", ")}; supported: ${children.map((c) => c.name).join(", ")}`
        : `${label} must be an object`,
  });
}

function withSchemas(parameters: ParameterSpec[]): ParameterSpec[] {
  return parameters.map((p) => (p.kind === "collection" && p.children ? { ...p, children: withSchemas([...p.children]), schema: collectionSchema(p.children, p.name) } : p));
}

function operationSchema(parameters: readonly ParameterSpec[]): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const p of parameters) shape[p.name] = p.required ? p.schema : p.schema.optional();
  const aliases = parameters.flatMap((p) => (p.aliases ?? []).map((alias) => [alias, p.name] as const));
  const object = z.object(shape);
  if (aliases.length === 0) return object as unknown as z.ZodType<Record<string, unknown>>;
  return z.preprocess((raw) => {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
    const copy: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    for (const [alias, name] of aliases) if (copy[name] === undefined && copy[alias] !== undefined) copy[name] = copy[alias];
    return copy;
  }, object) as unknown as z.ZodType<Record<string, unknown>>;
}

// No policy operation accepts System Context: JumpCloud only takes device signatures on a system's own
// endpoints (api-notes section 3). Service accounts carry the scopes listed per operation.
const POLICY_AUTH: readonly AuthType[] = ["apiKey", "serviceAccount"];

export const FULL_LIST: readonly ListOption[] = ["limit", "skip", "filter", "sort", "fields"];

/** The spec's x-scopes of the read operations on systems and policies. */
export const READ_SCOPES = ["systems", "systems.readonly"] as const;

/** A list of one policy's records, `GET /policies/{policy_id}/…`: most of the association, traversal, result and status reads. */
export function policyList(draft: Pick<Draft, "resource" | "operation" | "label" | "description" | "example"> & { path: string; listOptions: readonly ListOption[]; scopes?: readonly string[] }): JumpCloudOperation {
  return define({ method: "GET", notFound: "policyNotFound", parameters: [policyIdParam()], scopes: READ_SCOPES, ...draft, path: `/policies/{policy_id}${draft.path}` });
}

export const apiPrefix = (op: Pick<JumpCloudOperation, "api">) => (op.api === "v1" ? "/api" : "/api/v2");

/** Completes an operation entry: list and org parameters, the schema, and the generic description fields. */
export function define(draft: Draft): JumpCloudOperation {
  const listOptions = draft.listOptions ?? [];
  const parameters = withSchemas([...draft.parameters, ...(listOptions.length > 0 ? listParams(draft.resource, listOptions) : []), additionalFields]);
  return {
    ...draft,
    parameters,
    schema: operationSchema(parameters),
    listOptions,
    paginated: listOptions.length > 0,
    authTypes: POLICY_AUTH,
    writes: draft.method !== "GET",
    endpoint: { method: draft.method, path: `${apiPrefix(draft)}${draft.path}` },
    ...(listOptions.some((o) => o === "filter" || o === "sort" || o === "fields") ? { warnings: (params: Params) => findFieldWarnings(draft.resource, params as JsonObject) } : {}),
  };
}
