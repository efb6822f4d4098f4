// Turns the platform's parameter object into one normalized shape, or a typed error naming the parameter.
import type { z } from "zod";
import { JumpCloudError } from "./errors";
import { validateFields, validateFilters, validateSort } from "./filters";
import { findOperation, operations, type AssociationTarget, type OperationSpec } from "./operations";

export type TemplateRef = string | { id: string } | { name: string };
export type PolicyValuesInput =
  | Array<{ configFieldID: string; value: unknown; sensitive?: boolean; configFieldName?: string }>
  | Record<string, unknown>;

export interface PolicyDataInput {
  name?: string;
  template?: TemplateRef;
  values?: PolicyValuesInput;
  notes?: string;
}

export interface ListQuery {
  filter: string[];
  sort: string[];
  fields: string[];
  /** Total records wanted (not a page size); undefined means JumpCloud's default page. */
  limit?: number;
  skip: number;
}

export interface NormalizedParams {
  /** Path placeholder values keyed by their wire name (`policy_id`, `id`, `system_id`). */
  path: Record<string, string>;
  policyData?: PolicyDataInput;
  associationData?: { op: "add" | "remove" | "update"; type: AssociationTarget; id: string; attributes?: Record<string, unknown> | null };
  targets: AssociationTarget[];
  returnAll: boolean;
  list: ListQuery;
  /** additionalFields.xOrgId: overrides the credential's default org id. */
  orgId?: string;
}

export function requireOperation(resource: string, operation: string): OperationSpec {
  const op = findOperation(resource, operation);
  if (op) return op;
  const known = operations.filter((o) => o.resource === resource).map((o) => o.operation);
  throw new JumpCloudError({
    kind: "invalidParameters",
    message:
      known.length > 0
        ? `Unknown operation "${operation}" for resource "${resource}": use one of ${known.join(", ")}.`
        : `Unknown resource "${resource}": use one of ${[...new Set(operations.map((o) => o.resource))].join(", ")}.`,
    parameterPath: known.length > 0 ? "operation" : "resource",
  });
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");
}

function toInvalidParameters(error: z.ZodError): JumpCloudError {
  const issue = error.issues[0];
  const path = issue ? formatPath(issue.path) : "";
  let message = issue?.message ?? "invalid parameters";
  if (issue?.code === "invalid_type" && issue.input === undefined) message = "is required";
  else if (issue?.code === "invalid_union") message = issue.message.startsWith("Invalid") ? "has an unsupported shape" : issue.message;
  const where = path === "" ? "parameters" : path;
  return new JumpCloudError({
    kind: "invalidParameters",
    message: `Invalid parameter ${where}: ${message.startsWith(where) ? message.slice(where.length).trim() || message : message}.`,
    parameterPath: where,
  });
}

export function normalizeParams(op: OperationSpec, raw: unknown): NormalizedParams {
  const parsed = op.schema.safeParse(raw ?? {});
  if (!parsed.success) throw toInvalidParameters(parsed.error);
  const p = parsed.data as {
    [key: string]: unknown;
    returnAll?: boolean;
    options?: Partial<Omit<ListQuery, "skip">> & { skip?: number; returnAll?: boolean };
    targets?: AssociationTarget[];
    policyData?: PolicyDataInput;
    associationData?: NormalizedParams["associationData"];
    additionalFields?: { xOrgId?: string };
  };

  const path: Record<string, string> = {};
  for (const spec of op.parameters) {
    if (spec.in === "path") path[spec.wireName ?? spec.name] = String(p[spec.name]);
  }
  const options = p.options ?? {};
  const list: ListQuery = {
    filter: options.filter ?? [],
    sort: options.sort ?? [],
    fields: options.fields ?? [],
    limit: options.limit,
    skip: options.skip ?? 0,
  };
  validateFilters(list.filter);
  validateSort(list.sort);
  validateFields(list.fields);

  return {
    path,
    ...(p.policyData ? { policyData: p.policyData } : {}),
    ...(p.associationData ? { associationData: p.associationData } : {}),
    targets: p.targets ?? [],
    returnAll: p.returnAll === true || options.returnAll === true,
    list,
    ...(p.additionalFields?.xOrgId ? { orgId: p.additionalFields.xOrgId } : {}),
  };
}

/** Parameters of an internal call (a lookup the client makes on the user's behalf), in the same org. */
export function internalParams(from: NormalizedParams, part: { path?: Record<string, string>; list?: Partial<ListQuery>; returnAll?: boolean }): NormalizedParams {
  return {
    path: part.path ?? {},
    targets: [],
    returnAll: part.returnAll ?? false,
    list: { filter: [], sort: [], fields: [], skip: 0, ...part.list },
    ...(from.orgId ? { orgId: from.orgId } : {}),
  };
}

/** A template given as a 24-hex string or { id } is an id; any other string or { name } is a name. */
export function templateRefKind(ref: TemplateRef): { id: string } | { name: string } {
  if (typeof ref === "string") return /^[0-9a-fA-F]{24}$/.test(ref) ? { id: ref } : { name: ref };
  return ref;
}

/** Refuses, before any request, a credential type JumpCloud does not accept for this operation. */
export function assertAuthSupported(op: OperationSpec, authType: string): void {
  if ((op.authTypes as readonly string[]).includes(authType)) return;
  const label = authType === "systemContext" ? "System Context" : authType;
  throw new JumpCloudError({
    kind: "unsupportedAuthType",
    message:
      authType === "systemContext"
        ? `A System Context credential cannot run ${op.resource} ${op.operation}: JumpCloud accepts System Context signatures only on a device's own system endpoints (such as GET /api/systems/{id}), not on policy operations. Use an API Key credential (recommended) or a service account.`
        : `A ${label} credential cannot run ${op.resource} ${op.operation}; JumpCloud accepts ${op.authTypes.join(" or ")} for it.`,
  });
}
