import { existsSync, readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { OpenAPIBackend, type Operation } from "openapi-backend";
import { parse } from "yaml";
import { sharedFile } from "@/lib/testing/shared-files";

/**
 * Validates HTTP requests and responses against JumpCloud's official OpenAPI files (v2 for /api/v2/…, v1 for
 * the rest of /api/…), keyed by the spec's operation. Requests go through openapi-backend (parameter styles,
 * required params, request bodies); responses through Ajv's JSON Schema 2020-12 (the dialect of OpenAPI 3.1)
 * over the dereferenced response schema.
 */

export const SPEC_V2_PATH = sharedFile("jumpcloud/openapi-v2.yaml");
export const SPEC_V1_PATH = sharedFile("jumpcloud/openapi-v1.yaml");

export interface ValidationResult {
  valid: boolean;
  /** The spec operation the message matched, or null when no operation matches. */
  operationId: string | null;
  errors: string[];
}

export interface RequestToValidate {
  method: string;
  /** Absolute URL or path with query, e.g. "http://127.0.0.1:4010/api/v2/policies?limit=100". */
  url: string;
  headers?: Record<string, string | string[] | undefined> | Headers;
  /** Parsed JSON, or the JSON text as handed to fetch. */
  body?: unknown;
}

export interface ResponseToValidate {
  method: string;
  /** Path (or URL) of the request, e.g. "/api/v2/policies/{id}" filled in. */
  path: string;
  status: number;
  /** Parsed JSON body; undefined when the response had none. */
  body: unknown;
}

export interface ResponseOptions {
  /**
   * Reject properties the schema does not declare (default true for 2xx). Error bodies are always checked
   * loosely: JumpCloud's observed errors carry an `error` field the spec's Error schema does not list.
   */
  strict?: boolean;
}

export interface OpenApiValidator {
  validateRequest(request: RequestToValidate): ValidationResult;
  validateResponse(response: ResponseToValidate, options?: ResponseOptions): ValidationResult;
  operationId(method: string, pathOrUrl: string): string | null;
}

interface LoadedSpec {
  api: OpenAPIBackend;
  prefix: string;
  document: Record<string, unknown>;
}

let cached: Promise<OpenApiValidator | null> | undefined;

/** Parses the spec files once per module instance (once per test file); null when the v2 spec is absent. */
export function loadOpenApiValidator(): Promise<OpenApiValidator | null> {
  cached ??= build();
  return cached;
}

async function build(): Promise<OpenApiValidator | null> {
  if (!existsSync(SPEC_V2_PATH)) return null;
  const specs: LoadedSpec[] = [await loadSpec(SPEC_V2_PATH, "/api/v2")];
  if (existsSync(SPEC_V1_PATH)) specs.push(await loadSpec(SPEC_V1_PATH, "/api"));
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  addSpecFormats(ajv);
  const compiled = new Map<string, ValidateFunction>();

  const locate = (method: string, pathOrUrl: string) => {
    const url = new URL(pathOrUrl, "http://spec.invalid");
    for (const spec of specs) {
      if (!url.pathname.startsWith(`${spec.prefix}/`)) continue;
      const specPath = url.pathname.slice(spec.prefix.length);
      const operation = spec.api.matchOperation({ method: method.toLowerCase(), path: specPath, headers: {}, query: {} });
      return { spec, operation: operation ?? null, specPath, url };
    }
    return null;
  };

  return {
    operationId(method, pathOrUrl) {
      return locate(method, pathOrUrl)?.operation?.operationId ?? null;
    },

    validateRequest({ method, url, headers = {}, body }) {
      const found = locate(method, url);
      if (!found?.operation) return { valid: false, operationId: null, errors: [`${method.toUpperCase()} ${new URL(url, "http://spec.invalid").pathname} matches no operation of the spec`] };
      const { spec, operation, specPath } = found;
      const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
      const lowered = Object.fromEntries(entries.map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(", ") : v ?? ""]));
      if (typeof body === "string") body = parseJsonText(body);
      const params = spec.prefix === "/api" ? foldIndexedV1Filters(found.url.searchParams) : found.url.searchParams;
      const result = spec.api.validateRequest({ method: method.toLowerCase(), path: specPath, query: params.toString(), headers: lowered, body }, operation);
      const errors = (result.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
      errors.push(...undeclaredQueryParams(operation, params));
      if (requiresApiKey(operation) && !lowered["x-api-key"] && !lowered.authorization) {
        errors.push("missing x-api-key header (or a service-account Authorization: Bearer token)");
      }
      return { valid: errors.length === 0, operationId: operation.operationId ?? null, errors };
    },

    validateResponse({ method, path: requestPath, status, body }, options = {}) {
      const found = locate(method, requestPath);
      if (!found?.operation) return { valid: false, operationId: null, errors: [`${method.toUpperCase()} ${requestPath} matches no operation of the spec`] };
      const { spec, operation } = found;
      const operationId = operation.operationId ?? `${method} ${found.specPath}`;
      const declared = declaredResponse(operation, status);
      let schema: unknown;
      if (declared) {
        schema = declared.content?.["application/json"]?.schema;
        if (schema === undefined) {
          const empty = body === undefined || body === null || body === "";
          return { valid: empty, operationId, errors: empty ? [] : [`status ${status} of ${operationId} declares no body`] };
        }
      } else if (status >= 400) {
        schema = standardErrorSchema(spec.document, status);
      } else {
        return { valid: false, operationId, errors: [`status ${status} is not declared for ${operationId}`] };
      }
      const strict = status < 400 && (options.strict ?? true);
      const key = `${spec.prefix}|${operationId}|${declared ? status : "error"}|${strict}`;
      let validate = compiled.get(key);
      if (!validate) compiled.set(key, (validate = ajv.compile((strict ? closeObjects(schema) : schema) as object)));
      const valid = validate(body) as boolean;
      const errors = valid ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}${e.params && "unevaluatedProperty" in e.params ? ` (${String(e.params.unevaluatedProperty)})` : ""}`);
      return { valid, operationId, errors };
    },
  };
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function loadSpec(file: string, prefix: string): Promise<LoadedSpec> {
  const document = parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const api = new OpenAPIBackend({
    definition: document as never,
    quick: true,
    strict: false,
    validate: true,
    customizeAjv: (ajv) => {
      addSpecFormats(ajv);
      return ajv;
    },
  });
  await api.init();
  return { api, prefix, document: api.definition as unknown as Record<string, unknown> };
}

type FormatHost = Parameters<typeof addFormats>[0];

function addSpecFormats(ajv: FormatHost): void {
  addFormats(ajv);
  ajv.addFormat("uint32", { type: "number", validate: (n: number) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff });
}

interface ResponseObject {
  content?: Record<string, { schema?: unknown }>;
}

function declaredResponse(operation: Operation, status: number): ResponseObject | undefined {
  const responses = (operation.responses ?? {}) as Record<string, ResponseObject>;
  return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
}

/** For statuses an operation does not declare (most 4xx here), the spec's standard error responses apply. */
function standardErrorSchema(document: Record<string, unknown>, status: number): unknown {
  const components = document.components as { responses?: Record<string, ResponseObject>; schemas: Record<string, unknown> };
  return components.responses?.[`trait_standardErrors_${status}`]?.content?.["application/json"]?.schema ?? components.schemas.Error;
}

function requiresApiKey(operation: Operation): boolean {
  return (operation.security ?? []).some((requirement) => "x-api-key" in requirement);
}

const INDEXED_V1_FILTER = /^filter\[(?:(?:and|or)\]\[)?\d+\]$/;

/**
 * v1's `trait_filter_filter` documents `filter[0]=…&filter[1]=…` (AND) and `filter[or][0]=…` (OR) in its
 * description while its schema declares one string; each such value is checked as a `filter`.
 */
function foldIndexedV1Filters(params: URLSearchParams): URLSearchParams {
  const folded = new URLSearchParams();
  const indexed: string[] = [];
  for (const [name, value] of params) {
    if (INDEXED_V1_FILTER.test(name)) indexed.push(value);
    else folded.append(name, value);
  }
  // One value stands for all: they share the schema (a string), and a repeated plain filter stays an error.
  if (indexed.length > 0 && !folded.has("filter")) folded.append("filter", indexed[0] as string);
  return folded;
}

function undeclaredQueryParams(operation: Operation, params: URLSearchParams): string[] {
  const declared = new Set((operation.parameters ?? []).flatMap((p) => ("in" in p && p.in === "query" ? [p.name] : [])));
  return [...new Set(params.keys())].filter((name) => !declared.has(name)).map((name) => `query parameter "${name}" is not declared for ${operation.operationId}`);
}

/** Copies a dereferenced schema, closing every object schema that lists properties (allOf-aware via unevaluatedProperties). */
function closeObjects(schema: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof schema !== "object" || schema === null) return schema;
  const existing = seen.get(schema);
  if (existing) return existing;
  if (Array.isArray(schema)) {
    const copy: unknown[] = [];
    seen.set(schema, copy);
    for (const item of schema) copy.push(closeObjects(item, seen));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  seen.set(schema, copy);
  for (const [key, value] of Object.entries(schema)) {
    // allOf members are closed by their parent, not one by one, or each would reject the other's properties.
    copy[key] = key === "allOf" && Array.isArray(value) ? value.map((member) => openCopy(member, seen)) : closeObjects(value, seen);
  }
  const source = schema as Record<string, unknown>;
  if ((source.properties || source.allOf) && source.additionalProperties === undefined && source.unevaluatedProperties === undefined) {
    copy.unevaluatedProperties = false;
  }
  return copy;
}

function openCopy(member: unknown, seen: Map<object, unknown>): unknown {
  const closed = closeObjects(member, seen);
  if (typeof closed !== "object" || closed === null || Array.isArray(closed)) return closed;
  const open = { ...(closed as Record<string, unknown>) };
  delete open.unevaluatedProperties;
  return open;
}
