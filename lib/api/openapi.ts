import { z } from "zod";
import { API_SCOPE_DESCRIPTIONS, API_SCOPES } from "@/lib/api-tokens/api-token-scopes";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { enabledIntegrations } from "@/lib/integrations/enabled";
import { nodeConfigSchema } from "@/lib/nodes/node-config";
import { API_ENDPOINTS, type ApiEndpoint } from "./api-endpoints";
import { errorBodySchema, inlineNodeRequestSchema, nodeRequestSchema, savedNodeRequestSchema } from "./api-schemas";

type JsonSchema = Record<string, unknown>;

const COMPONENT_NAMES = new Map<z.ZodType, string>([
  [nodeConfigSchema, "NodeConfig"],
  [inlineNodeRequestSchema, "InlineNodeRequest"],
  [savedNodeRequestSchema, "SavedNodeRequest"],
  [nodeRequestSchema, "NodeRequest"],
  [errorBodySchema, "Error"],
]);

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every request and response schema gets a component name; shared ones keep their own. */
function schemaNames(endpoints: readonly ApiEndpoint[]): Map<z.ZodType, string> {
  const names = new Map(COMPONENT_NAMES);
  for (const endpoint of endpoints) {
    if (endpoint.request && !names.has(endpoint.request)) names.set(endpoint.request, `${capitalize(endpoint.operationId)}Request`);
    if (!names.has(endpoint.response)) names.set(endpoint.response, `${capitalize(endpoint.operationId)}Response`);
  }
  return names;
}

/** One registry for every schema, so shared ones become components and are referenced, not repeated. */
function componentSchemas(names: Map<z.ZodType, string>): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of names) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io: "input",
    // Input data and node parameters are any JSON (checked by our own walker): they document as "any".
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    // OpenAPI names components by their key; the standalone $schema/$id would only confuse tools.
    out[id] = Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema" && key !== "$id"));
  }
  const nodeConfig = out.NodeConfig as { properties: Record<string, JsonSchema> } | undefined;
  if (nodeConfig) {
    const integrations = enabledIntegrations();
    nodeConfig.properties.integration_service = { ...nodeConfig.properties.integration_service, enum: integrations.map((i) => i.id) };
    nodeConfig.properties.resource = { ...nodeConfig.properties.resource, enum: [...new Set(integrations.flatMap((i) => i.resources.map((r) => r.id)))] };
    nodeConfig.properties.operation = { ...nodeConfig.properties.operation, enum: [...new Set(integrations.flatMap((i) => i.operations.map((op) => op.operation)))] };
    nodeConfig.properties.parameters = {
      type: "object",
      default: {},
      description: "The operation's parameters (see the API reference page for each operation's fields). Values may contain {{ path }} templates.",
    };
  }
  return out;
}

function operationObject(endpoint: ApiEndpoint, names: Map<z.ZodType, string>): JsonSchema {
  const ref = (schema: z.ZodType) => ({ $ref: `#/components/schemas/${names.get(schema)}` });
  const error = (description: string) => ({ description, content: { "application/json": { schema: ref(errorBodySchema) } } });
  const success = endpoint.responseMediaType
    ? { [endpoint.responseMediaType]: { schema: { type: "string" } } }
    : { "application/json": { schema: ref(endpoint.response) } };
  const responses: Record<string, unknown> = {
    [endpoint.successStatus ?? 200]: { description: { 200: "OK", 201: "Created", 202: "Accepted" }[endpoint.successStatus ?? 200], content: success },
    401: error("No session and no valid API token (missing, unknown, expired or revoked)"),
    403: error(`Needs the ${ROLE_LABELS[endpoint.role]} role or higher, and a token with ${endpoint.scopes.join(" or ")}`),
  };
  for (const [status, description] of Object.entries(endpoint.errors)) responses[status] = error(description);
  const params: JsonSchema[] = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1], in: "path", required: true, schema: { type: "string" } }));
  for (const [name, field] of Object.entries(endpoint.query?.shape ?? {})) {
    const { description, ...schema } = z.toJSONSchema(field as z.ZodType, { io: "input", unrepresentable: "any" }) as JsonSchema;
    delete schema.$schema;
    params.push({ name, in: "query", required: !(field as z.ZodType).safeParse(undefined).success, schema, ...(description ? { description } : {}) });
  }
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    description: `${endpoint.description}\n\nRole: ${ROLE_LABELS[endpoint.role]} or higher. Token scope: ${endpoint.scopes.join(" or ")}.`,
    security: [{ bearerToken: [...endpoint.scopes] }, { session: [] }],
    "x-required-role": endpoint.role,
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(endpoint.request ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref(endpoint.request), ...(endpoint.example === undefined ? {} : { example: endpoint.example }) } },
          },
        } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of /api/v1, generated from the endpoint table and its zod schemas. */
export function buildOpenApiDocument(): JsonSchema {
  const endpoints: ApiEndpoint[] = Object.values(API_ENDPOINTS);
  const names = schemaNames(endpoints);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    paths[endpoint.path] ??= {};
    paths[endpoint.path]![endpoint.method.toLowerCase()] = operationObject(endpoint, names);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "JumpCloud Connection Manager API",
      version: "1.0.0",
      description:
        "Run and inspect JumpCloud integration nodes from a workflow engine. Authenticate with a personal API token (Settings -> API tokens): `Authorization: Bearer jcm_...`. A token acts with its owner's current role, limited to its scopes. Errors are `{ error: { kind, message, path? } }`.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: componentSchemas(names),
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "jcm_ personal API token",
          description: `Scopes: ${API_SCOPES.map((scope) => `${scope} (${API_SCOPE_DESCRIPTIONS[scope]})`).join("; ")}.`,
        },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The app's own pages (signed-in browser session)." },
      },
    },
  };
}
