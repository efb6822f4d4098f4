// Every /api/v1 endpoint once: its guard (role and token scopes), its schemas and its documented errors.
// The route handlers take their guard from here and the OpenAPI document and the reference page read it.
import type { z } from "zod";
import type { ApiScope } from "@/lib/api-tokens/api-token-scopes";
import type { Role } from "@/lib/auth/roles";
import {
  credentialSummarySchema,
  executeResponseSchema,
  nodeDetailSchema,
  nodeRequestSchema,
  nodeSummarySchema,
  previewResponseSchema,
  testOutcomeSchema,
} from "./api-schemas";
import { MAX_BODY_BYTES } from "./read-json-body";

export interface ApiEndpoint {
  operationId: string;
  method: "GET" | "POST";
  /** OpenAPI path template. */
  path: string;
  summary: string;
  description: string;
  role: Role;
  /** A token needs one of these scopes; a signed-in session is checked by role only. */
  scopes: readonly ApiScope[];
  request?: z.ZodType;
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
} as const satisfies Record<string, ApiEndpoint>;

export type ApiEndpointName = keyof typeof API_ENDPOINTS;
