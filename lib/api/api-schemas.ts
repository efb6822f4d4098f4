// Request and response shapes of /api/v1: the routes parse with these and the OpenAPI document is generated
// from them, so the documentation cannot drift from what the server accepts.
import { z } from "zod";
import { credentialReferenceSchema, inputDataSchema, nodeConfigSchema } from "@/lib/nodes/node-config";
import { ApiError } from "./api-error";

const input = inputDataSchema.describe(
  "The upstream node's output (any JSON document, up to 64 levels deep). It is the template context for {{ path }} values and the source of extracted parameters.",
);

export const inlineNodeRequestSchema = z
  .object({
    node: nodeConfigSchema.describe("A node config in the platform's format; `credential` is a credential id or name, or { id } / { name }."),
    input: input.optional(),
  })
  .strict();

export const savedNodeRequestSchema = z
  .object({
    nodeId: z.string().min(1).max(64).describe("The id of a node config saved in the builder (GET /api/v1/nodes)."),
    input: input.optional(),
    credential: credentialReferenceSchema.optional().describe("Runs with another credential than the one saved with the node."),
  })
  .strict();

export const nodeRequestSchema = z.union([inlineNodeRequestSchema, savedNodeRequestSchema]);
export type InlineNodeRequest = z.infer<typeof inlineNodeRequestSchema>;
export type SavedNodeRequest = z.infer<typeof savedNodeRequestSchema>;

/**
 * Picks the branch by its key (`nodeId` or `node`) so errors name the real problem instead of zod's
 * "no union member matched".
 */
export function parseNodeRequest(raw: unknown): InlineNodeRequest | SavedNodeRequest {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ApiError("invalidRequest", 'The body must be a JSON object: { "node": {...}, "input": {...} } or { "nodeId": "...", "input": {...} }.');
  }
  if ("nodeId" in raw && "node" in raw) throw new ApiError("invalidRequest", 'Send either "node" or "nodeId", not both.', "nodeId");
  if ("nodeId" in raw) return savedNodeRequestSchema.parse(raw);
  if (!("node" in raw)) throw new ApiError("invalidRequest", 'The body needs "node" (a node config) or "nodeId" (a saved node).', "node");
  return inlineNodeRequestSchema.parse(raw);
}

const issueSchema = z.object({
  path: z.string().describe("Where the problem is, written like a template path: policyData.name"),
  message: z.string(),
  severity: z.enum(["error", "warning"]),
  code: z
    .string()
    .optional()
    .describe("Stable for programs: unknownField, moreRecords, commaInFilter, notADate, …"),
  fix: z
    .object({ label: z.string(), value: z.unknown() })
    .optional()
    .describe("A suggested correction: the value that replaces the one at path in the node's parameters"),
});

export const executeResponseSchema = z.object({
  items: z.array(z.unknown()).describe("The operation's result records (one item for get/create/update/delete)."),
  meta: z.object({
    requests: z.number().int().describe("HTTP requests sent to JumpCloud, retries included"),
    pages: z.number().int(),
    durationMs: z.number().int(),
    runId: z.string().describe("The Run record, visible under Runs"),
    warnings: z
      .array(issueSchema)
      .describe(
        "What you must know to read the items right; empty when there is nothing. moreRecords: a list stopped at a full page and more may exist; unknownField: a filter, sort or fields entry names a field the records do not have (a filter then matches nothing, or everything with ne).",
      ),
  }),
});

export const plannedRequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()).describe("Secret values are shown as ••••"),
  body: z.unknown().optional(),
  purpose: z.string(),
  pagination: z.object({ pageSize: z.number().int(), until: z.string() }).optional(),
});

export const previewResponseSchema = z.object({
  parameters: z.record(z.string(), z.unknown()).describe("Merged and rendered parameters, as the run would use them"),
  sources: z.array(
    z.object({ path: z.string(), source: z.enum(["node", "extracted", "input"]), inputKey: z.string().optional() }),
  ),
  issues: z.array(issueSchema),
  valid: z.boolean(),
  credential: z.object({ id: z.string(), name: z.string(), authType: z.string() }).nullable(),
  requests: z.array(plannedRequestSchema).describe("The exact requests a run would send (empty while the parameters are invalid or no credential is given)"),
  notes: z.array(z.string()),
});

const credentialRef = z.object({ id: z.string(), name: z.string(), authType: z.string() });

export const nodeSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  integrationService: z.string(),
  resource: z.string(),
  operation: z.string(),
  credential: credentialRef.nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  lastRun: z.object({ id: z.string(), status: z.string(), startedAt: z.iso.datetime() }).nullable(),
});

export const nodeDetailSchema = nodeSummarySchema.extend({
  config: z.object({
    integration_service: z.string(),
    resource: z.string(),
    operation: z.string(),
    parameters: z.record(z.string(), z.unknown()),
  }),
  sampleInput: z.unknown().nullable(),
});

export const credentialSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  service: z.string(),
  authType: z.string(),
  status: z.enum(["connected", "failed", "untested"]).describe("The outcome of the last Test Connection"),
  lastTestedAt: z.iso.datetime().nullable(),
  lastTestMessage: z.string().nullable(),
});

export const testOutcomeSchema = z.object({
  ok: z.boolean(),
  headline: z.string(),
  message: z.string(),
  guidance: z.string().optional(),
  kind: z.string().optional(),
  latencyMs: z.number(),
  testedAt: z.iso.datetime(),
});

export const errorBodySchema = z.object({
  error: z.object({
    kind: z.string().describe("Stable for programs: unauthenticated, forbidden, invalid, invalidConfig, credentialNotFound, policyNotFound, rateLimited, ..."),
    message: z.string().describe("What went wrong and what to change; never a secret"),
    path: z.string().optional().describe("The request field at fault, e.g. node.parameters.policyId"),
    issues: z.array(issueSchema).optional(),
    guidance: z.string().optional(),
    fieldErrors: z.record(z.string(), z.string()).optional(),
    upstreamStatus: z.number().int().optional().describe("JumpCloud's HTTP status when JumpCloud answered"),
    runId: z.string().optional(),
  }),
});
