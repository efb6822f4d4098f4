// Every /api/v1 endpoint once: its guard (role and token scopes), its schemas and its documented errors.
// The route handlers take their guard from here and the OpenAPI document and the reference page read it.
import { z } from "zod";
import type { ApiScope } from "@/lib/api-tokens/api-token-scopes";
import type { Role } from "@/lib/auth/roles";
import {
  deletedResponseSchema,
  monitorSchema,
  pairsQuerySchema,
  pairsResponseSchema,
  runNowResponseSchema,
  snapshotDetailSchema,
  snapshotsQuerySchema,
  summaryQuerySchema,
  summaryResponseSchema,
  csvQuerySchema,
  trendQuerySchema,
  trendResponseSchema,
} from "@/lib/compliance/compliance-api";
import { monitorCreateSchema, monitorUpdateSchema } from "@/lib/compliance/monitor-input";
import { baselineCaptureSchema, baselineCreateSchema, baselineUpdateSchema, driftItemsQuerySchema } from "@/lib/drift/baseline-input";
import { baselineSchema, baselineVersionSchema, checkOutcomeSchema, driftActionResponseSchema, driftActionSchema, driftResponseSchema } from "@/lib/drift/drift-api";
import {
  credentialSummarySchema,
  executeResponseSchema,
  nodeDetailSchema,
  nodeRequestSchema,
  nodeSummarySchema,
  previewResponseSchema,
  testOutcomeSchema,
} from "./api-schemas";
import {
  associationApplyRequestSchema,
  associationApplyResponseSchema,
  associationPlanRequestSchema,
  associationPlanSchema,
} from "@/lib/sync/association-api";
import { MAX_BODY_BYTES } from "./read-json-body";

export interface ApiEndpoint {
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** OpenAPI path template. */
  path: string;
  summary: string;
  description: string;
  role: Role;
  /** A token needs one of these scopes; a signed-in session is checked by role only. */
  scopes: readonly ApiScope[];
  request?: z.ZodType;
  /** Query parameters (an object schema), for GET listings. */
  query?: z.ZodObject;
  /** The success status when it is not 200 (201 created, 202 accepted). */
  successStatus?: 201 | 202;
  /** The success body's media type when it is not JSON. */
  responseMediaType?: "text/csv";
  /** A request body that works as is (the reference page shows it as curl; OpenAPI as the example). */
  example?: unknown;
  response: z.ZodType;
  /** Statuses besides 401/403 (every endpoint has those) with what they mean here. */
  errors: Readonly<Record<number, string>>;
}

// The integration guide's template example, run through the API.
const guideExample = {
  node: {
    integration_service: "jumpcloud",
    resource: "policy",
    operation: "create",
    parameters: { policyData: { name: "{{compliance.environment}} {{compliance.type}} - {{compliance.department}}", template: "{{policy_template}}" } },
    credential: "JumpCloud Production",
  },
  input: {
    compliance: { type: "Security Baseline", environment: "Production", department: "Engineering" },
    policy_template: "windows_security_baseline",
  },
};

const bodyErrors = {
  400: "Invalid JSON, or a body that does not match the schema (the error names the field)",
  413: `Body larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`,
  415: "Content-Type is not application/json",
} as const;

export const API_ENDPOINTS = {
  executeNode: {
    operationId: "executeNode",
    method: "POST",
    path: "/api/v1/nodes/execute",
    summary: "Run a node",
    description:
      "Merges the node's parameters over the values extracted from `input`, renders `{{ templates }}` against `input`, validates, runs the JumpCloud operation (pagination, retries, rate limits) and records a Run. Send an inline `node` (platform format, with `credential`) or the `nodeId` of a saved node.",
    role: "editor",
    scopes: ["nodes:run"],
    request: nodeRequestSchema,
    example: guideExample,
    response: executeResponseSchema,
    errors: {
      ...bodyErrors,
      400: "Invalid JSON, body, node config or template (the error has `path` and `issues`)",
      404: "Unknown node, credential, or JumpCloud object (policyNotFound, systemNotFound, templateNotFound)",
      409: "JumpCloud conflict (name taken), or the stored credential cannot be opened",
      422: "JumpCloud rejected the request: authentication, permissions, org id, or parameters",
      429: "JumpCloud's rate limit was still exceeded after retries",
      502: "JumpCloud unavailable or unreachable",
      504: "JumpCloud did not answer in time",
    },
  },
  previewNode: {
    operationId: "previewNode",
    method: "POST",
    path: "/api/v1/nodes/preview",
    summary: "Preview a node without running it",
    description:
      "Returns the merged, rendered parameters with their sources and issues, and the exact requests a run would send (secrets masked). Nothing is sent to JumpCloud and nothing is recorded.",
    role: "viewer",
    scopes: ["nodes:run", "nodes:read"],
    request: nodeRequestSchema,
    example: guideExample,
    response: previewResponseSchema,
    errors: { ...bodyErrors, 404: "Unknown node or credential" },
  },
  listNodes: {
    operationId: "listNodes",
    method: "GET",
    path: "/api/v1/nodes",
    summary: "List saved nodes",
    description: "Node configs saved in the builder, by name, with their credential and last run.",
    role: "viewer",
    scopes: ["nodes:read"],
    response: nodeSummarySchema.array(),
    errors: {},
  },
  getNode: {
    operationId: "getNode",
    method: "GET",
    path: "/api/v1/nodes/{id}",
    summary: "Get a saved node",
    description: "One node config in the platform's format, with its sample input.",
    role: "viewer",
    scopes: ["nodes:read"],
    response: nodeDetailSchema,
    errors: { 404: "No node with this id" },
  },
  listCredentials: {
    operationId: "listCredentials",
    method: "GET",
    path: "/api/v1/credentials",
    summary: "List credentials",
    description: "Names, auth types and the last Test Connection status. Secrets and connection settings are never returned.",
    role: "viewer",
    scopes: ["credentials:read"],
    response: credentialSummarySchema.array(),
    errors: {},
  },
  testCredential: {
    operationId: "testCredential",
    method: "POST",
    path: "/api/v1/credentials/{id}/test",
    summary: "Test a credential's connection",
    description: "Runs Test Connection on a saved credential (the same call as the Credentials page) and stores the outcome as its status.",
    role: "admin",
    scopes: ["credentials:read"],
    response: testOutcomeSchema,
    errors: { 404: "No credential with this id" },
  },
  listMonitors: {
    operationId: "listMonitors",
    method: "GET",
    path: "/api/v1/monitors",
    summary: "List compliance monitors",
    description: "Every monitor with its scope, schedule, next run and last snapshot.",
    role: "viewer",
    scopes: ["monitors:read"],
    response: monitorSchema.array(),
    errors: {},
  },
  createMonitor: {
    operationId: "createMonitor",
    method: "POST",
    path: "/api/v1/monitors",
    summary: "Create a compliance monitor",
    description:
      "A monitor takes a compliance snapshot of every (policy, system) pair in its scope on its schedule: a preset (`every15min`, `hourly`, `daily` with `time`) or a five-field `cron`, in an IANA `timezone`. Scope: `all`, chosen `policies` by id, or a `nameFilter` (case-insensitive, `*` wildcards).",
    role: "editor",
    scopes: ["monitors:write"],
    request: monitorCreateSchema,
    example: { name: "Windows baseline", credentialId: "cred_123", scope: { kind: "nameFilter", pattern: "Windows*" }, schedule: { kind: "daily", time: "06:30", timezone: "Europe/Berlin" }, alertRules: [{ type: "complianceBelow", percent: 95 }] },
    successStatus: 201,
    response: monitorSchema,
    errors: { ...bodyErrors, 409: "A monitor with this name exists" },
  },
  getMonitor: {
    operationId: "getMonitor",
    method: "GET",
    path: "/api/v1/monitors/{id}",
    summary: "Get a compliance monitor",
    description: "One monitor with its next run and last snapshot.",
    role: "viewer",
    scopes: ["monitors:read"],
    response: monitorSchema,
    errors: { 404: "No monitor with this id" },
  },
  updateMonitor: {
    operationId: "updateMonitor",
    method: "PATCH",
    path: "/api/v1/monitors/{id}",
    summary: "Change a compliance monitor",
    description:
      "Changes the fields sent. `enabled: false` pauses the schedule; resuming or changing the schedule starts counting from now. Send the `version` you read to refuse the change if someone else changed the monitor first.",
    role: "editor",
    scopes: ["monitors:write"],
    request: monitorUpdateSchema,
    example: { enabled: false, version: 1 },
    response: monitorSchema,
    errors: { ...bodyErrors, 404: "No monitor with this id", 409: "Name taken, or the monitor changed since `version`" },
  },
  deleteMonitor: {
    operationId: "deleteMonitor",
    method: "DELETE",
    path: "/api/v1/monitors/{id}",
    summary: "Delete a compliance monitor",
    description: "Deletes the monitor with its snapshots and compliance history.",
    role: "editor",
    scopes: ["monitors:write"],
    response: deletedResponseSchema,
    errors: { 404: "No monitor with this id" },
  },
  runMonitor: {
    operationId: "runMonitor",
    method: "POST",
    path: "/api/v1/monitors/{id}/run",
    summary: "Take a snapshot now",
    description:
      "Queues a snapshot of the monitor for a worker and answers at once (202); follow it with GET /api/v1/monitors/{id}/snapshots. A snapshot already queued or running is returned instead of a second one.",
    role: "editor",
    scopes: ["monitors:write"],
    successStatus: 202,
    response: runNowResponseSchema,
    errors: { 404: "No monitor with this id" },
  },
  listSnapshots: {
    operationId: "listSnapshots",
    method: "GET",
    path: "/api/v1/monitors/{id}/snapshots",
    summary: "List a monitor's snapshots",
    description: "Newest first: who or what started each one, its status, requests, duration, the counts after it, what changed, and per-policy errors.",
    role: "viewer",
    scopes: ["monitors:read", "compliance:read"],
    query: snapshotsQuerySchema,
    response: snapshotDetailSchema.array(),
    errors: { 400: "Invalid query parameter", 404: "No monitor with this id" },
  },
  complianceSummary: {
    operationId: "complianceSummary",
    method: "GET",
    path: "/api/v1/compliance",
    summary: "Compliance summary",
    description: "Current counts per monitor (passing, failing, pending, unknown), the compliance rate, the last snapshot, and the policies with the most failing systems.",
    role: "viewer",
    scopes: ["compliance:read"],
    query: summaryQuerySchema,
    response: summaryResponseSchema,
    errors: { 400: "Invalid query parameter" },
  },
  listCompliancePairs: {
    operationId: "listCompliancePairs",
    method: "GET",
    path: "/api/v1/compliance/pairs",
    summary: "List (policy, system) pairs by state",
    description: "Pairs in the given states (`state=failing` for the failing ones, with `failingSince`), now or `at` a past instant, oldest change first, a page at a time.",
    role: "viewer",
    scopes: ["compliance:read"],
    query: pairsQuerySchema,
    response: pairsResponseSchema,
    errors: { 400: "Invalid query parameter" },
  },
  exportCompliancePairs: {
    operationId: "exportCompliancePairs",
    method: "GET",
    path: "/api/v1/compliance/pairs.csv",
    summary: "Export pairs as CSV",
    description: "The same pairs as /api/v1/compliance/pairs (same filters), all pages, as CSV with a header row.",
    role: "viewer",
    scopes: ["compliance:read"],
    query: csvQuerySchema,
    response: z.string(),
    responseMediaType: "text/csv",
    errors: { 400: "Invalid query parameter" },
  },
  complianceTrend: {
    operationId: "complianceTrend",
    method: "GET",
    path: "/api/v1/compliance/trend",
    summary: "Compliance over time",
    description: "Counts and compliance rate per hour or day, from the last snapshot of each monitor in each bucket.",
    role: "viewer",
    scopes: ["compliance:read"],
    query: trendQuerySchema,
    response: trendResponseSchema,
    errors: { 400: "Invalid query parameter" },
  },
  listBaselines: {
    operationId: "listBaselines",
    method: "GET",
    path: "/api/v1/baselines",
    summary: "List baselines",
    description: "Every baseline with its desired state (current version), schedule, open drift and last check.",
    role: "viewer",
    scopes: ["baselines:read"],
    response: baselineSchema.array(),
    errors: {},
  },
  createBaseline: {
    operationId: "createBaseline",
    method: "POST",
    path: "/api/v1/baselines",
    summary: "Capture a baseline",
    description:
      "Reads the chosen policies through the credential (name, template, config values, notes, system and system-group associations) and stores their state as version 1 of a named baseline. `schedule` (as monitors: a preset or a five-field cron in an IANA time zone) runs drift checks; null checks on demand only.",
    role: "editor",
    scopes: ["baselines:write"],
    request: baselineCreateSchema,
    example: { name: "Windows baseline", credentialId: "cred_123", policyIds: ["5f4d7c8e9a1b2c3d4e5f6789"], schedule: { kind: "hourly", timezone: "UTC" } },
    successStatus: 201,
    response: baselineSchema,
    errors: { ...bodyErrors, 400: "Invalid body, unknown credential, or a policy id that is not a policy of the organization", 409: "A baseline with this name exists" },
  },
  getBaseline: {
    operationId: "getBaseline",
    method: "GET",
    path: "/api/v1/baselines/{id}",
    summary: "Get a baseline",
    description: "One baseline with its desired state and last check.",
    role: "viewer",
    scopes: ["baselines:read"],
    response: baselineSchema,
    errors: { 404: "No baseline with this id" },
  },
  updateBaseline: {
    operationId: "updateBaseline",
    method: "PATCH",
    path: "/api/v1/baselines/{id}",
    summary: "Change a baseline",
    description:
      "Renames it, changes its schedule, or replaces its desired state (`policies`, the whole list as GET returns it, edited), which makes a new version with `summary` as its note. Send the `version` you read to refuse the change if someone else changed the baseline first.",
    role: "editor",
    scopes: ["baselines:write"],
    request: baselineUpdateSchema,
    example: { schedule: { kind: "daily", time: "06:30", timezone: "Europe/Berlin" }, version: 1 },
    response: baselineSchema,
    errors: { ...bodyErrors, 404: "No baseline with this id", 409: "Name taken, or the baseline changed since `version`" },
  },
  deleteBaseline: {
    operationId: "deleteBaseline",
    method: "DELETE",
    path: "/api/v1/baselines/{id}",
    summary: "Delete a baseline",
    description: "Deletes the baseline with its versions, checks and drift history.",
    role: "editor",
    scopes: ["baselines:write"],
    response: deletedResponseSchema,
    errors: { 404: "No baseline with this id" },
  },
  captureBaseline: {
    operationId: "captureBaseline",
    method: "POST",
    path: "/api/v1/baselines/{id}/capture",
    summary: "Capture a baseline again",
    description: "Reads the baseline's policies (and `addPolicyIds`) again; their current state becomes a new version.",
    role: "editor",
    scopes: ["baselines:write"],
    request: baselineCaptureSchema,
    example: { addPolicyIds: [] },
    response: baselineSchema,
    errors: { ...bodyErrors, 404: "No baseline with this id" },
  },
  listBaselineVersions: {
    operationId: "listBaselineVersions",
    method: "GET",
    path: "/api/v1/baselines/{id}/versions",
    summary: "A baseline's history",
    description: "Every version, newest first: why it was made (captured, edited, accepted drift), by whom, and its desired state.",
    role: "viewer",
    scopes: ["baselines:read"],
    response: baselineVersionSchema.array(),
    errors: { 404: "No baseline with this id" },
  },
  listDrift: {
    operationId: "listDrift",
    method: "GET",
    path: "/api/v1/baselines/{id}/drift",
    summary: "List a baseline's drift",
    description:
      "Drift items (open first, then resolved ones with how they resolved: gone, accepted or reverted), each with the baseline's and reality's side and since when, and the latest checks.",
    role: "viewer",
    scopes: ["baselines:read"],
    query: driftItemsQuerySchema,
    response: driftResponseSchema,
    errors: { 400: "Invalid query parameter", 404: "No baseline with this id" },
  },
  checkDrift: {
    operationId: "checkDrift",
    method: "POST",
    path: "/api/v1/baselines/{id}/drift",
    summary: "Run a drift check",
    description: "Compares the policies' current state with the baseline now and answers when the check is recorded; read the items with GET.",
    role: "editor",
    scopes: ["baselines:write"],
    response: checkOutcomeSchema,
    errors: { 404: "No baseline with this id" },
  },
  resolveDrift: {
    operationId: "resolveDrift",
    method: "POST",
    path: "/api/v1/baselines/{id}/drift/{itemId}",
    summary: "Accept or revert a drift item",
    description:
      "`accept` makes reality the baseline (a new version; a compliance regression is acknowledged). `revert` without `confirm` answers the exact requests it would send and sends nothing; with `confirm: true` it sends them and resolves the item.",
    role: "editor",
    scopes: ["baselines:write"],
    request: driftActionSchema,
    example: { action: "revert", confirm: false },
    response: driftActionResponseSchema,
    errors: { ...bodyErrors, 404: "No baseline or item with this id", 409: "The item is already resolved, or cannot be reverted (the message says why)" },
  },
  planAssociations: {
    operationId: "planAssociations",
    method: "POST",
    path: "/api/v1/associations/plan",
    summary: "Plan a policy's associations",
    description:
      "Reads the policy's current system and system group associations (every page) and compares them with `targets`: each target to add, each association to remove (`exact` mode only; `add-only` never removes) and each already there, with the exact request apply would send for every change (secrets masked). Changes nothing.",
    role: "editor",
    scopes: ["plans:read", "plans:apply"],
    request: associationPlanRequestSchema,
    example: { credential: "JumpCloud Production", policyId: "5f4d7c8e9a1b2c3d4e5f6789", targets: ["5a1b2c3d4e5f67890abcdef1", { type: "system", id: "5a1b2c3d4e5f67890abcdef2" }], targetType: "system_group", mode: "add-only" },
    response: associationPlanSchema,
    errors: {
      ...bodyErrors,
      400: "Invalid body or target (the error names it, e.g. `desired[2].id`)",
      404: "Unknown credential or policy",
      422: "JumpCloud rejected the credential or the org id",
      429: "JumpCloud's rate limit was still exceeded after retries",
      502: "JumpCloud unavailable or unreachable",
    },
  },
  applyAssociations: {
    operationId: "applyAssociations",
    method: "POST",
    path: "/api/v1/associations/apply",
    summary: "Plan and apply a policy's associations",
    description:
      "Plans as /associations/plan does, then sends each change, `concurrency` at once within the credential's request budget, and reports every item: added, removed, alreadyPresent (a 409 from JumpCloud: someone added it since), alreadyAbsent, or failed with its error kind and advice. Nothing is sent twice; applying again after a partial failure sends only what is still missing. Send `expected` (the counts you reviewed) to refuse an apply whose fresh plan differs. Recorded as a run.",
    role: "editor",
    scopes: ["plans:apply"],
    request: associationApplyRequestSchema,
    example: { credential: "JumpCloud Production", policyId: "5f4d7c8e9a1b2c3d4e5f6789", targets: ["5a1b2c3d4e5f67890abcdef1"], targetType: "system_group", mode: "exact", expected: { add: 1, remove: 0 } },
    response: associationApplyResponseSchema,
    errors: {
      ...bodyErrors,
      400: "Invalid body or target (the error names it)",
      404: "Unknown credential or policy",
      409: "The fresh plan differs from `expected`: nothing was changed",
      422: "JumpCloud rejected the credential or the org id",
      429: "JumpCloud's rate limit was still exceeded after retries",
      502: "JumpCloud unavailable or unreachable",
    },
  },
} as const satisfies Record<string, ApiEndpoint>;

export type ApiEndpointName = keyof typeof API_ENDPOINTS;
