// The declarative registry of the 16 JumpCloud policy operations: the single source of truth read by the
// builder form, validation, request building, the docs page and the HTTP API. Browser-safe (zod + plain TS).
import { z } from "zod";
import type { JumpCloudErrorKind } from "./errors";

export const resources = [
  { id: "policy", label: "Policy" },
  { id: "policyAssociation", label: "Policy Association" },
  { id: "policyTraversal", label: "Policy Traversal" },
  { id: "policyResult", label: "Policy Result" },
  { id: "policyStatus", label: "Policy Status" },
  { id: "policyTemplate", label: "Policy Template" },
] as const;
export type ResourceName = (typeof resources)[number]["id"];

export const authTypes = ["apiKey", "systemContext", "serviceAccount"] as const;
export type AuthType = (typeof authTypes)[number];

export const associationTargets = ["system", "system_group", "user", "user_group"] as const;
export type AssociationTarget = (typeof associationTargets)[number];

export type ParameterKind =
  | "text"
  | "resourceLocator"
  | "options"
  | "multiOptions"
  | "boolean"
  | "number"
  | "collection"
  | "json";

/** Where a value ends up: a URL path segment, the query, the JSON body, a header, or the client itself. */
export type ParameterLocation = "path" | "query" | "body" | "header" | "client";

export type ListOption = "limit" | "skip" | "filter" | "sort" | "fields";

export interface ParameterSpec {
  name: string;
  label: string;
  help: string;
  kind: ParameterKind;
  in: ParameterLocation;
  /** The name on the wire when it differs (`policy_id`, `x-org-id`). */
  wireName?: string;
  required: boolean;
  placeholder?: string;
  default?: unknown;
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** For resourceLocator: the operation that lists the candidates. */
  locator?: { resource: ResourceName; operation: string };
  /** Other names accepted for this parameter (e.g. `id` for `policyId`). */
  aliases?: readonly string[];
  /** n8n-style display condition on sibling values, e.g. limit only when returnAll is false. */
  showWhen?: Record<string, readonly unknown[]>;
  children?: readonly ParameterSpec[];
  schema: z.ZodType;
}

export interface OperationSpec {
  resource: ResourceName;
  operation: string;
  label: string;
  description: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path under `/api/v2`, with `{wireName}` placeholders. */
  path: string;
  parameters: readonly ParameterSpec[];
  /** Validates the whole parameter object (unknown top-level keys are ignored: input data is merged in). */
  schema: z.ZodType<Record<string, unknown>>;
  paginated: boolean;
  listOptions: readonly ListOption[];
  /** Auth types JumpCloud accepts for this call (per the spec's security and System Context lists). */
  authTypes: readonly AuthType[];
  /** OAuth scopes a service account needs (the spec's x-scopes). */
  scopes: readonly string[];
  /** What a 404 on this call means. */
  notFound: JumpCloudErrorKind;
  /** A parameter object that runs as is (the integration guide's example where it has one). */
  example: Record<string, unknown>;
}

// ---- value schemas -------------------------------------------------------------------------------------

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;
const objectId = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .trim()
    .regex(OBJECT_ID, `${what} must be a JumpCloud ObjectID (24 hexadecimal characters)`);

const stringList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v === "" ? [] : [v]).map((s) => s.trim()).filter((s) => s !== ""));
/** sort and fields are comma-separated on the wire, so a comma-separated string is accepted too. */
const commaList = stringList.transform((list) => list.flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s !== ""));

const flexibleBoolean = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
const flexibleInt = (min: number) =>
  z.union([z.number(), z.string().trim().regex(/^\d+$/, "must be a whole number").transform(Number)]).pipe(
    z.number().int("must be a whole number").min(min, `must be at least ${min}`),
  );

const targetsSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter((s) => s !== ""))
  .pipe(
    z
      .array(z.enum(associationTargets, { error: `each target must be one of ${associationTargets.join(", ")}` }))
      .min(1, `choose at least one target: ${associationTargets.join(", ")}`),
  )
  .transform((list) => [...new Set(list)]);

const policyValueEntry = z.object({
  configFieldID: objectId("configFieldID"),
  value: z.unknown(),
  sensitive: z.boolean().optional(),
  configFieldName: z.string().optional(),
});
const policyValues = z.union([
  z.array(policyValueEntry),
  z.record(z.string(), z.unknown()),
]);
const templateRef = z.union([
  z.string().trim().min(1, "template must not be empty"),
  z.strictObject({ id: objectId("template.id") }),
  z.strictObject({ name: z.string().trim().min(1) }),
]);

// ---- parameter builders ---------------------------------------------------------------------------------

const targetOptions = associationTargets.map((t) => ({ value: t, label: t.replace("_", " ") }));

function idParam(name: string, label: string, wireName: string, help: string, locator?: ParameterSpec["locator"], aliases?: string[]): ParameterSpec {
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

const policyIdParam = (aliases?: string[]) =>
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
      schema: z.string().trim().min(1, "xOrgId must not be empty").regex(/^[\x21-\x7e]+$/, "xOrgId must not contain spaces"),
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
    schema: stringList,
  },
  sort: {
    name: "sort",
    label: "Sort",
    help: "Fields to sort by, in order; prefix a field with - to sort descending (e.g. -startedAt).",
    kind: "multiOptions",
    in: "query",
    required: false,
    placeholder: "name",
    schema: commaList,
  },
  fields: {
    name: "fields",
    label: "Fields",
    help: "Only return these fields of each record (e.g. id, name).",
    kind: "multiOptions",
    in: "query",
    required: false,
    placeholder: "id,name",
    schema: commaList,
  },
};

function listParams(listOptions: readonly ListOption[]): ParameterSpec[] {
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
      children: [...listOptions.map((o) => listOptionSpecs[o]), { ...returnAllParam, showWhen: undefined }],
      schema: z.unknown(),
    },
  ];
}

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

function finalize(parameters: ParameterSpec[]): { parameters: ParameterSpec[]; schema: z.ZodType<Record<string, unknown>> } {
  const done = parameters.map((p) => (p.kind === "collection" && p.children ? { ...p, schema: collectionSchema(p.children, p.name) } : p));
  const shape: Record<string, z.ZodType> = {};
  for (const p of done) shape[p.name] = p.required ? p.schema : p.schema.optional();
  const aliases = done.flatMap((p) => (p.aliases ?? []).map((alias) => [alias, p.name] as const));
  const object = z.object(shape);
  const schema = z.preprocess((raw) => {
    if (!raw || typeof raw !== "object" || Array.isArray(raw) || aliases.length === 0) return raw;
    const copy: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    for (const [alias, name] of aliases) if (copy[name] === undefined && copy[alias] !== undefined) copy[name] = copy[alias];
    return copy;
  }, object) as unknown as z.ZodType<Record<string, unknown>>;
  return { parameters: done, schema };
}

type Draft = Omit<OperationSpec, "schema" | "parameters" | "authTypes" | "listOptions" | "paginated"> & {
  parameters: ParameterSpec[];
  listOptions?: readonly ListOption[];
};

// No policy operation accepts System Context: JumpCloud only takes device signatures on a system's own
// endpoints (api-notes section 3). Service accounts carry the scopes listed per operation.
const POLICY_AUTH: readonly AuthType[] = ["apiKey", "serviceAccount"];

function define(draft: Draft): OperationSpec {
  const listOptions = draft.listOptions ?? [];
  const parameters = [...draft.parameters, ...(listOptions.length > 0 ? listParams(listOptions) : []), additionalFields];
  const built = finalize(parameters);
  return { ...draft, ...built, listOptions, paginated: listOptions.length > 0, authTypes: POLICY_AUTH };
}

const FULL_LIST: readonly ListOption[] = ["limit", "skip", "filter", "sort", "fields"];

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
    locator: { resource: "policyTemplate", operation: "list" },
    placeholder: "windows_security_baseline",
    schema: templateRef,
  },
  {
    name: "values",
    label: "Values",
    help: forCreate
      ? "Config field values: an object keyed by config field name ({\"timeout\": 900}) or [{configFieldID, value}]. Missing fields take the template's defaults."
      : "Config field values to change, keyed by config field name or as [{configFieldID, value}]; other values keep their current setting.",
    kind: "json",
    in: "body",
    required: false,
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

export const operations: readonly OperationSpec[] = [
  define({
    resource: "policy",
    operation: "create",
    label: "Create",
    description: "Creates a new JumpCloud policy",
    method: "POST",
    path: "/policies",
    scopes: ["systems"],
    notFound: "templateNotFound",
    parameters: [
      {
        name: "policyData",
        label: "Policy",
        help: "The new policy's name, template, values and notes.",
        kind: "collection",
        in: "body",
        required: true,
        children: policyDataChildren(true),
        schema: z.unknown(),
      },
    ],
    example: {
      policyData: { name: "Security Compliance Policy", template: "windows_security_baseline" },
      additionalFields: { xOrgId: "your-org-id" },
    },
  }),
  define({
    resource: "policy",
    operation: "get",
    label: "Get",
    description: "Retrieves details of a specific policy",
    method: "GET",
    path: "/policies/{id}",
    scopes: ["systems", "systems.readonly"],
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
    scopes: ["systems", "systems.readonly"],
    notFound: "notFound",
    parameters: [],
    listOptions: FULL_LIST,
    example: { returnAll: true, options: { sort: ["name"] } },
  }),
  define({
    resource: "policy",
    operation: "update",
    label: "Update",
    description: "Updates an existing policy",
    method: "PUT",
    path: "/policies/{id}",
    scopes: ["systems"],
    notFound: "policyNotFound",
    parameters: [
      { ...policyIdParam(["id"]), wireName: "id" },
      {
        name: "policyData",
        label: "Policy",
        help: "The fields to change; fields you leave out keep their current values.",
        kind: "collection",
        in: "body",
        required: true,
        children: policyDataChildren(false),
        schema: z.unknown(),
      },
    ],
    example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789", policyData: { notes: "Reviewed by compliance" } },
  }),
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
  }),
  define({
    resource: "policyAssociation",
    operation: "list",
    label: "List",
    description: "Returns direct associations of a policy (systems and system groups)",
    method: "GET",
    path: "/policies/{policy_id}/associations",
    scopes: ["associations.systems", "associations.systems.readonly", "associations", "associations.readonly"],
    notFound: "policyNotFound",
    parameters: [
      policyIdParam(),
      {
        name: "targets",
        label: "Targets",
        help: "Which kinds of associations to list; one request per target, results merged.",
        kind: "multiOptions",
        in: "query",
        wireName: "targets",
        required: true,
        options: targetOptions,
        default: ["system", "system_group"],
        schema: targetsSchema,
      },
    ],
    listOptions: ["limit", "skip"],
    example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789", targets: ["system", "system_group"] },
  }),
  define({
    resource: "policyAssociation",
    operation: "manage",
    label: "Manage",
    description: "Adds or removes associations between policies and systems/system groups",
    method: "POST",
    path: "/policies/{policy_id}/associations",
    scopes: ["associations.systems", "associations"],
    notFound: "policyNotFound",
    parameters: [
      policyIdParam(),
      {
        name: "associationData",
        label: "Association",
        help: "What to change: the operation, the kind of target and the target's ObjectID.",
        kind: "collection",
        in: "body",
        required: true,
        children: [
          {
            name: "op",
            label: "Operation",
            help: "add, remove or update the association.",
            kind: "options",
            in: "body",
            required: true,
            options: [
              { value: "add", label: "Add" },
              { value: "remove", label: "Remove" },
              { value: "update", label: "Update" },
            ],
            schema: z.enum(["add", "remove", "update"], { error: "op must be add, remove or update" }),
          },
          {
            name: "type",
            label: "Target Type",
            help: "The kind of object the policy is associated with.",
            kind: "options",
            in: "body",
            required: true,
            options: targetOptions,
            schema: z.enum(associationTargets, { error: `type must be one of ${associationTargets.join(", ")}` }),
          },
          {
            name: "id",
            label: "Target ID",
            help: "The ObjectID of the system, system group, user or user group.",
            kind: "text",
            in: "body",
            required: true,
            placeholder: "5a1b2c3d4e5f67890abcdef1",
            schema: objectId("associationData.id"),
          },
          {
            name: "attributes",
            label: "Attributes",
            help: "Optional association attributes (JSON object).",
            kind: "json",
            in: "body",
            required: false,
            schema: z.record(z.string(), z.unknown()).nullable(),
          },
        ],
        schema: z.unknown(),
      },
    ],
    example: {
      policyId: "5f4d7c8e9a1b2c3d4e5f6789",
      associationData: { op: "add", type: "system", id: "5a1b2c3d4e5f67890abcdef1" },
    },
  }),
  define({
    resource: "policyTraversal",
    operation: "getSystems",
    label: "Get Systems",
    description: "Returns all systems bound to a policy (directly or indirectly)",
    method: "GET",
    path: "/policies/{policy_id}/systems",
    scopes: ["systems", "systems.readonly"],
    notFound: "policyNotFound",
    parameters: [policyIdParam()],
    listOptions: ["limit", "skip", "filter"],
    example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789", options: { limit: 100, filter: ["os:eq:windows"] } },
  }),
  define({
    resource: "policyTraversal",
    operation: "getSystemGroups",
    label: "Get System Groups",
    description: "Returns all system groups bound to a policy (directly or indirectly)",
    method: "GET",
    path: "/policies/{policy_id}/systemgroups",
    scopes: ["groups", "groups.readonly"],
    notFound: "policyNotFound",
    parameters: [policyIdParam()],
    listOptions: ["limit", "skip", "filter"],
    example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789", options: { returnAll: true } },
  }),
  define({
    resource: "policyResult",
    operation: "get",
    label: "Get",
    description: "Retrieves a specific policy result by ID",
    method: "GET",
    path: "/policyresults/{id}",
    scopes: ["systems", "systems.readonly"],
    notFound: "notFound",
    parameters: [idParam("id", "Policy Result ID", "id", "The ObjectID of the policy result.", undefined, ["policyResultId"])],
    example: { id: "5f4d7c8e9a1b2c3d4e5f6789" },
  }),
  define({
    resource: "policyResult",
    operation: "listForPolicy",
    label: "List for Policy",
    description: "Returns all policy results for a specific policy",
    method: "GET",
    path: "/policies/{policy_id}/policyresults",
    scopes: ["systems", "systems.readonly"],
    notFound: "policyNotFound",
    parameters: [policyIdParam()],
    listOptions: FULL_LIST,
    example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789", options: { sort: ["-startedAt"], limit: 50 } },
  }),
  define({
    resource: "policyResult",
    operation: "listForOrganization",
    label: "List for Organization",
    description: "Returns all policy results for the organization",
    method: "GET",
    path: "/policyresults",
    scopes: ["systems", "systems.readonly"],
    notFound: "notFound",
    parameters: [],
    listOptions: FULL_LIST,
    example: { options: { filter: ["status:ne:success"], sort: ["-timestamp"] } },
  }),
  define({
    resource: "policyStatus",
    operation: "listForPolicy",
    label: "List for Policy",
    description: "Returns the latest policy results for a specific policy",
    method: "GET",
    path: "/policies/{policy_id}/policystatuses",
    scopes: ["systems", "systems.readonly"],
    notFound: "policyNotFound",
    parameters: [policyIdParam()],
    listOptions: FULL_LIST,
    example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789", returnAll: true },
  }),
  define({
    resource: "policyStatus",
    operation: "listForSystem",
    label: "List for System",
    description: "Returns policy results for a particular system",
    method: "GET",
    path: "/systems/{system_id}/policystatuses",
    scopes: ["systems", "systems.readonly"],
    notFound: "systemNotFound",
    parameters: [idParam("systemId", "System", "system_id", "The ObjectID of the system.")],
    listOptions: FULL_LIST,
    example: { systemId: "5a1b2c3d4e5f67890abcdef1", returnAll: true },
  }),
  define({
    resource: "policyTemplate",
    operation: "get",
    label: "Get",
    description: "Retrieves a specific policy template by ID",
    method: "GET",
    path: "/policytemplates/{id}",
    scopes: ["systems", "systems.readonly"],
    notFound: "templateNotFound",
    parameters: [
      idParam("id", "Policy Template", "id", "The policy template: pick one from the list or paste its ObjectID.", {
        resource: "policyTemplate",
        operation: "list",
      }, ["templateId"]),
    ],
    example: { id: "5f4d7c8e9a1b2c3d4e5f6789" },
  }),
  define({
    resource: "policyTemplate",
    operation: "list",
    label: "List",
    description: "Returns all available policy templates",
    method: "GET",
    path: "/policytemplates",
    scopes: ["systems", "systems.readonly"],
    notFound: "notFound",
    parameters: [],
    listOptions: FULL_LIST,
    example: { returnAll: true, options: { sort: ["name"] } },
  }),
];

const byKey = new Map(operations.map((op) => [`${op.resource}.${op.operation}`, op]));

export function findOperation(resource: string, operation: string): OperationSpec | undefined {
  return byKey.get(`${resource}.${operation}`);
}

export function listOperations(resource?: string): readonly OperationSpec[] {
  return resource === undefined ? operations : operations.filter((op) => op.resource === resource);
}
