// The vendor-neutral contract of an integration: everything the app's generic layers (credentials, the node
// builder, validation, runs, the HTTP API, the docs) need from a service, and nothing they may assume beyond it.
// An integration is one folder under lib/integrations/ that exports one IntegrationDefinition; registry.ts lists
// them. Browser-safe: the builder's live preview runs the same definitions in the browser.
import type { z } from "zod";
import type { Issue } from "@/lib/errors/app-error";
import type { BaselineSupport } from "./baseline-contract";
import type { ComplianceSupport } from "./compliance-contract";
import type { SyncSupport } from "./sync-contract";
import type { ErrorKindSpec, IntegrationError } from "./errors";

// ---- credentials ------------------------------------------------------------------------------------------

export interface CredentialField {
  name: string;
  label: string;
  help: string;
  kind: "text" | "secret" | "textarea" | "select";
  /** Encrypted at rest and never sent back to the browser. */
  secret: boolean;
  required: boolean;
  placeholder?: string;
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** How to obtain the value, step by step (shown under the field). */
  howTo?: { title: string; steps: readonly string[] };
  schema: z.ZodType;
}

export interface AuthTypeSpec {
  id: string;
  label: string;
  description: string;
  recommended: boolean;
  fields: readonly CredentialField[];
}

/** What a credential's non-secret settings say about its auth: enough to plan requests with masked headers. */
export interface AuthDescriptor {
  type: string;
  [setting: string]: string | undefined;
}

// ---- operations -------------------------------------------------------------------------------------------

export type ParameterKind =
  | "text"
  | "resourceLocator"
  | "options"
  | "multiOptions"
  | "boolean"
  | "number"
  | "collection"
  | "json"
  /** Fields loaded through the credential once another parameter is set (n8n's resource mapper). */
  | "dynamicFields";

/** Where a value ends up on the wire; `client` values steer the client itself (pagination, batching). */
export type ParameterLocation = "path" | "query" | "body" | "header" | "client";

export interface Locator {
  /** The listing operation whose records are the candidates. */
  resource: string;
  operation: string;
  /** Which property of the picked record the parameter takes: its id (default) or its name. */
  pick?: "value" | "name";
}

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
  /** For resourceLocator: where the candidates come from. */
  locator?: Locator;
  /** A locator that depends on a sibling's value (an association's target id, by its type); none for other values. */
  locatorBy?: { sibling: string; locators: Readonly<Record<string, Locator>> };
  /**
   * For dynamicFields: the loader (see IntegrationDefinition.loaders), the sibling parameter it reads, and the check
   * of a value against the loaded fields (every problem, each at its path under `path`).
   */
  dynamicFields?: { loader: string; dependsOn: string; check?(fields: readonly DynamicField[], value: unknown, path: string): Issue[] };
  /** Other input keys accepted for this parameter (e.g. `id` for `policyId`). */
  aliases?: readonly string[];
  /** For a collection's child: top-level input keys that fill it when the node leaves it out, like an extracted parameter. */
  extractAs?: readonly string[];
  /** n8n-style display condition on sibling values, e.g. limit only when returnAll is false. */
  showWhen?: Record<string, readonly unknown[]>;
  children?: readonly ParameterSpec[];
  schema: z.ZodType;
}

/** What a run of a write operation will change, for the confirmation. */
export interface WriteDescription {
  /** The button, a verb phrase: "Delete policy", "Create policy". */
  action: string;
  /** The sentence naming the object: "Delete policy 'Baseline' (5f4d…)". */
  summary: string;
  destructive: boolean;
}

export interface OperationDescription {
  resource: string;
  operation: string;
  label: string;
  description: string;
  /** Changes something upstream: runs ask for confirmation and pickers refresh afterwards. */
  writes: boolean;
  /** For the docs: the upstream call this operation makes. */
  endpoint: { method: string; path: string };
  parameters: readonly ParameterSpec[];
  /**
   * Validates (and coerces) the whole parameter object, syntax of every value included. Unknown top-level keys
   * are ignored because input data is merged in. `resolveParameters` is its only caller.
   */
  schema: z.ZodType<Record<string, unknown>>;
  /** Auth types the service accepts for this call. */
  authTypes: readonly string[];
  /** A parameter object that runs as is. */
  example: Record<string, unknown>;
  /** Read operations leave it out. */
  describeWrite?(parameters: Record<string, unknown>): WriteDescription;
  /** Warnings about valid but suspicious values (a filter on a field the results do not have). */
  warnings?(parameters: Record<string, unknown>): Issue[];
}

declare const validated: unique symbol;
/** Parameters that passed their operation's schema: the only kind a client accepts. */
export type ValidParameters = Readonly<Record<string, unknown>> & { readonly [validated]: string };

// ---- running ----------------------------------------------------------------------------------------------

export interface PlannedRequest {
  method: string;
  url: string;
  /** Real header names; secret values shown as "••••". */
  headers: Record<string, string>;
  body?: unknown;
  purpose: string;
  /** For lists fetched page by page: this request is the first of a series. */
  pagination?: { pageSize: number; until: string };
}

export interface RequestPlan {
  requests: PlannedRequest[];
  notes: string[];
}

export interface RunMeta {
  requests: number;
  pages: number;
  durationMs: number;
  /** What the run learned that the caller must know to read the items right (a list that stopped at a full page). */
  warnings: Issue[];
}

export interface RunResult {
  items: unknown[];
  meta: RunMeta;
}

export type TestConnectionResult =
  | { ok: true; latencyMs: number; message: string }
  | { ok: false; latencyMs: number; error: IntegrationError };

/** Takes one request slot of a credential's budget; resolves when the request may start. */
export interface RateLimiter {
  take(signal?: AbortSignal): Promise<void> | undefined;
}

export interface ClientOptions {
  /** Sent as User-Agent on every request: the app's name and version. */
  userAgent?: string;
  /** The parsed secret fields (from parseAuth). */
  auth: unknown;
  /** The parsed connection settings (from parseConnection). */
  connection: unknown;
  allowedOrigins: readonly string[];
  /** Shared by every run of the credential, across processes. */
  rateLimit?: RateLimiter;
  timeoutMs?: number;
  /** Requests in flight within one run; the client's default when unset (a snapshot runs many narrow runs). */
  concurrency?: number;
}

export interface IntegrationClient {
  run(operation: OperationDescription, parameters: ValidParameters, options?: { signal?: AbortSignal }): Promise<RunResult>;
  /** The exact requests `run` would send with this credential (secrets masked), as the preview shows them. */
  plan(operation: OperationDescription, parameters: ValidParameters): RequestPlan;
  testConnection(options?: { signal?: AbortSignal }): Promise<TestConnectionResult>;
}

// ---- pickers ----------------------------------------------------------------------------------------------

export interface ResourceOption {
  value: string;
  label: string;
  /** The record's name, for locators that pick names. */
  name?: string;
  /** A second line: a policy's template, a system's OS, … */
  detail?: string;
}

export interface OptionsRequest {
  locator: Locator;
  search?: string;
  /** The node's scope parameters (see IntegrationDefinition.scopeParameters), already free of templates. */
  scope: Record<string, unknown>;
}

/** An id a result record holds: the column it is in and the kind of object it names. */
export interface IdReference {
  field: string;
  kind: string;
  id: string;
}

export interface NamesRequest {
  /** One of the integration's nameKinds. */
  kind: string;
  ids: readonly string[];
  /** The node's scope parameters, as for OptionsRequest. */
  scope: Record<string, unknown>;
}

/** A field loaded through the credential (a policy template's config fields). */
export interface DynamicField {
  id: string;
  name: string;
  label: string;
  /** "other": a display type whose values are not checked (tables, lists, files). */
  type: "text" | "number" | "checkbox" | "select" | "other";
  defaultValue: unknown;
  required: boolean;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** Bounds the service enforces: number min/max, text maxLength. */
  min?: number;
  max?: number;
  maxLength?: number;
  /** Stored secret; the service may return it masked. */
  sensitive?: boolean;
}

export interface DynamicFieldSet {
  title: string;
  fields: DynamicField[];
}

// ---- the definition ---------------------------------------------------------------------------------------

export interface IntegrationDefinition {
  id: string;
  label: string;
  description: string;
  /** Only for tests: offered only when the configuration enables test integrations. */
  testOnly?: boolean;

  authTypes: readonly AuthTypeSpec[];
  connectionFields: readonly CredentialField[];
  /** Validates secret and non-secret fields of an auth type; throws an IntegrationError naming the field. */
  parseAuth(authType: string, values: Record<string, string>): unknown;
  /** What a valid credential should still know before it is saved (a secret that expires soon), in plain words. */
  credentialWarnings?(auth: unknown, now: Date): string[];
  parseConnection(values: Record<string, string>): unknown;
  /** Refuses a connection the server will never call (a host outside the allow-list), before any request. */
  checkConnection(connection: unknown, allowedOrigins: readonly string[]): void;
  describeAuth(authType: string, settings: Record<string, string>): AuthDescriptor;

  resources: ReadonlyArray<{ id: string; label: string }>;
  operations: readonly OperationDescription[];
  /** Node parameters that scope every lookup a picker makes (JumpCloud's additionalFields.xOrgId). */
  scopeParameters: ReadonlyArray<readonly string[]>;

  /** The exact requests a run would send, secrets masked. Pure: runs in the browser. */
  planRequests(input: { operation: OperationDescription; parameters: ValidParameters; auth: AuthDescriptor; connection: unknown; allowedOrigins: readonly string[] }): RequestPlan;
  /** Shell variables that stand in for masked header values in "copy as curl". */
  curlVariables: Readonly<Record<string, string>>;
  createClient(options: ClientOptions): IntegrationClient;

  listOptions(client: IntegrationClient, request: OptionsRequest): Promise<{ options: ResourceOption[]; limited: boolean }>;
  loaders: Readonly<Record<string, (client: IntegrationClient, value: string, scope: Record<string, unknown>) => Promise<DynamicFieldSet>>>;
  /** Names beside ids in results: which ids a record holds (pure; runs in the browser), and their names through the credential. */
  names?: {
    kinds: readonly string[];
    references(item: unknown): IdReference[];
    lookup(client: IntegrationClient, request: NamesRequest): Promise<Record<string, string>>;
  };

  /** Every error kind the integration raises, with its HTTP status and the advice shown beside it. */
  errorKinds: Readonly<Record<string, ErrorKindSpec>>;
  /** A short verdict for a failed Test Connection ("Invalid API key"), by kind and auth type. */
  testHeadline(kind: string, authType: string): string;
  /** How compliance monitors read the service's policy statuses (see compliance-contract.ts); absent: none. */
  compliance?: ComplianceSupport;
  /** How baselines read a policy's full state, diff it and revert a difference (see baseline-contract.ts); absent: none. */
  baselines?: BaselineSupport;
  /** Desired-state planning and applying of policy associations and settings (see sync-contract.ts); absent: none. */
  sync?: SyncSupport;
}
