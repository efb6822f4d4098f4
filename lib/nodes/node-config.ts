// The workflow platform's node config, verbatim. Browser-safe (zod only).
import { z } from "zod";
import { FORBIDDEN_KEYS, formatPath, isPlainObject, type JsonObject, type JsonValue, type NodeIssue, type PathSegment } from "./json-value";

export const NODE_CONFIG_LIMITS = {
  maxDepth: 64,
  maxKeyLength: 256,
  maxStringLength: 1_000_000,
  /** Values (every object, array and primitive) in a config's parameters. */
  maxParameterValues: 10_000,
  /** Values in one input document: room for several megabytes of upstream JSON. */
  maxInputValues: 2_000_000,
} as const;

export interface JsonTreeLimits {
  maxDepth: number;
  maxValues: number;
}

/**
 * Checks that a value is plain JSON within the limits and free of prototype keys. Returns located
 * problems (paths as segments) and stops at the first one past a limit.
 */
export function findJsonProblems(value: unknown, limits: JsonTreeLimits): Array<{ path: PathSegment[]; message: string }> {
  const problems: Array<{ path: PathSegment[]; message: string }> = [];
  let count = 0;
  const walk = (node: unknown, path: PathSegment[]): boolean => {
    count += 1;
    if (count > limits.maxValues) {
      problems.push({ path, message: `has more than ${limits.maxValues} values` });
      return false;
    }
    if (path.length > limits.maxDepth) {
      problems.push({ path, message: `is nested deeper than ${limits.maxDepth} levels` });
      return false;
    }
    if (node === null || typeof node === "boolean") return true;
    if (typeof node === "number") {
      if (!Number.isFinite(node)) problems.push({ path, message: "is not a finite number" });
      return true;
    }
    if (typeof node === "string") {
      if (node.length > NODE_CONFIG_LIMITS.maxStringLength) {
        problems.push({ path, message: `is longer than ${NODE_CONFIG_LIMITS.maxStringLength} characters` });
      }
      return true;
    }
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) if (!walk(node[index], [...path, index])) return false;
      return true;
    }
    if (isPlainObject(node)) {
      for (const key of Object.keys(node)) {
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ path: [...path, key], message: `uses the key "${key}", which is not allowed` });
          continue;
        }
        if (key.length > NODE_CONFIG_LIMITS.maxKeyLength) {
          problems.push({ path, message: `has a key longer than ${NODE_CONFIG_LIMITS.maxKeyLength} characters` });
          continue;
        }
        if (!walk(node[key], [...path, key])) return false;
      }
      return true;
    }
    problems.push({ path, message: `is not JSON (${typeof node})` });
    return true;
  };
  walk(value, []);
  return problems;
}

function checkJsonTree(limits: JsonTreeLimits, what: string) {
  return (value: unknown, ctx: z.RefinementCtx) => {
    for (const problem of findJsonProblems(value, limits)) {
      const where = problem.path.length === 0 ? what : `${what} ${formatPath(problem.path)}`;
      ctx.addIssue({ code: "custom", path: problem.path, message: `${where} ${problem.message}` });
    }
  };
}

// z.custom keeps the caller's object as is: copying keys one by one is what would let "__proto__" bite.
const parametersSchema = z
  .custom<JsonObject>(isPlainObject, { message: "parameters must be an object" })
  .superRefine(checkJsonTree({ maxDepth: NODE_CONFIG_LIMITS.maxDepth, maxValues: NODE_CONFIG_LIMITS.maxParameterValues }, "parameter"));

/** Upstream input data: any JSON document within the limits. */
export const inputDataSchema = z
  .custom<JsonValue>()
  .superRefine(checkJsonTree({ maxDepth: NODE_CONFIG_LIMITS.maxDepth, maxValues: NODE_CONFIG_LIMITS.maxInputValues }, "input data"));

const name = z.string().trim().min(1).max(200);

/** The credential to run with (HTTP API): `{ id }`, `{ name }`, or a bare string (an id or a name). */
export const credentialReferenceSchema = z.union([
  name,
  z.object({ id: name }).strict(),
  z.object({ name }).strict(),
]);
export type CredentialReference = z.infer<typeof credentialReferenceSchema>;

const identifier = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "must be a name such as jumpcloud, policy or listForSystem");

export const nodeConfigSchema = z
  .object({
    integration_service: identifier,
    resource: identifier,
    operation: identifier,
    parameters: parametersSchema.default({}),
    credential: credentialReferenceSchema.optional(),
  })
  .strict();
export type NodeConfig = z.infer<typeof nodeConfigSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: NodeIssue[] };

/** Turns zod issues into located issues with template-style paths (`parameters.policyData.name`). */
export function toNodeIssues(error: z.ZodError, prefix: readonly PathSegment[] = []): NodeIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path.filter((segment): segment is PathSegment => typeof segment !== "symbol")]),
    message: issue.message,
    severity: "error" as const,
  }));
}

export function parseNodeConfig(raw: unknown): ParseResult<NodeConfig> {
  const result = nodeConfigSchema.safeParse(raw);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toNodeIssues(result.error) };
}

export function parseInputData(raw: unknown): ParseResult<JsonValue> {
  const result = inputDataSchema.safeParse(raw);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toNodeIssues(result.error, ["input"]) };
}
