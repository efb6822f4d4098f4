import { readdirSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { API_ENDPOINTS, type ApiEndpoint } from "./api-endpoints";
import { parseNodeRequest } from "./api-schemas";
import { buildOpenApiDocument } from "./openapi";

const projectRoot = path.resolve(import.meta.dirname, "../..");

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown; example?: unknown }> }; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, object> };
}

const doc = buildOpenApiDocument() as unknown as Doc;

/** Every `app/api/v1/**\/route.ts` as an OpenAPI path (`[id]` -> `{id}`). */
function routePaths(dir = path.join(projectRoot, "app/api/v1"), prefix = "/api/v1"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === "route.ts" ? [prefix] : [];
    return routePaths(path.join(dir, entry.name), `${prefix}/${entry.name.replace(/^\[(\w+)\]$/, "{$1}")}`);
  });
}

function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "openapi.json", components: doc.components } as object);
  return (name: string) => ajv.getSchema(`openapi.json#/components/schemas/${name}`)!;
}

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and documents every route handler under /api/v1 and nothing else", () => {
    expect(doc.openapi).toBe("3.1.0");
    const documented = [...Object.keys(doc.paths), "/api/v1/openapi.json"].sort();
    expect(routePaths().sort()).toEqual(documented);
  });

  it("has valid JSON Schema 2020-12 components, every $ref resolving", () => {
    const schema = validator();
    for (const name of Object.keys(doc.components.schemas)) expect(() => schema(name)).not.toThrow();
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref.split("/").pop()!);
  });

  it("states 401 and 403 for every operation, and the body errors where there is a body", () => {
    for (const [route, methods] of Object.entries(doc.paths)) {
      for (const operation of Object.values(methods)) {
        expect(Object.keys(operation.responses), route).toEqual(expect.arrayContaining(["401", "403"]));
        expect(Object.keys(operation.responses).filter((status) => status.startsWith("2")), route).toHaveLength(1);
        if (operation.requestBody) expect(Object.keys(operation.responses), route).toEqual(expect.arrayContaining(["400", "413", "415"]));
      }
    }
  });

  it("documents the warnings an execute result carries, with their code and fix", () => {
    const executed = doc.paths["/api/v1/nodes/execute"]!.post!.responses["200"] as { content: { "application/json": { schema: { $ref: string } } } };
    const name = executed.content["application/json"].schema.$ref.split("/").pop()!;
    const response = validator()(name);
    const meta = { requests: 1, pages: 1, durationMs: 12, runId: "r1" };
    const warning = { path: "options.filter[0]", severity: "warning", message: "Policy results have no field \"status\"", code: "unknownField", fix: { label: "Use state", value: "state:ne:success" } };
    expect(response({ items: [], meta: { ...meta, warnings: [warning] } }), JSON.stringify(response.errors)).toBe(true);
    expect(response({ items: [], meta })).toBe(false);
    expect(JSON.stringify(doc.components.schemas[name])).toContain("moreRecords");
  });

  it("gives examples that both the documented schema and the server's parser accept", () => {
    const schema = validator();
    const requestSchema = schema("NodeRequest");
    for (const endpoint of Object.values(API_ENDPOINTS) as ApiEndpoint[]) {
      if (!endpoint.example || !endpoint.request) continue;
      const content = doc.paths[endpoint.path]![endpoint.method.toLowerCase()]!.requestBody!.content["application/json"]!;
      const documented = schema(String((content.schema as { $ref: string }).$ref).split("/").pop()!);
      expect(documented(endpoint.example), `${endpoint.operationId}: ${JSON.stringify(documented.errors)}`).toBe(true);
      const parsed = endpoint.request === API_ENDPOINTS.executeNode.request ? (() => parseNodeRequest(endpoint.example)) : () => endpoint.request!.parse(endpoint.example);
      expect(parsed, endpoint.operationId).not.toThrow();
    }
    expect(requestSchema({ nodeId: "n1", input: { a: 1 } })).toBe(true);
    expect(requestSchema({ node: { resource: "policy" } })).toBe(false);
  });
});
