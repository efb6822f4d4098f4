// The workflow platform's node config, verbatim. Browser-safe (zod only).
import { z } from "zod";
import { issuesFromZod } from "@/lib/errors/zod-issues";
import { FORBIDDEN_KEYS, isPlainObject, type JsonObject, type JsonValue, type NodeIssue, type PathSegment } from "@/lib/json/json-value";

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
  // One shared path stack, copied only when a problem is found: the input can hold a megabyte of JSON.
  const path: PathSegment[] = [];
  const report = (message: string, key?: PathSegment) =>
    problems.push({ path: key === undefined ? [...path] : [...path, key], message });
  let count = 0;
  const walk = (node: unknown): boolean => {
    count += 1;
    if (count > limits.maxValues) {
      report(`has more than ${limits.maxValues} values`);
      return false;
    }
    if (path.length > limits.maxDepth) {
      report(`is nested deeper than ${limits.maxDepth} levels`);
      return false;
    }
    switch (typeof node) {
      case "boolean":
        return true;
      case "number":
        if (!Number.isFinite(node)) report("is not a finite number");
        return true;
      case "string":
        if (node.length > NODE_CONFIG_LIMITS.maxStringLength) report(`is longer than ${NODE_CONFIG_LIMITS.maxStringLength} characters`);
        // PostgreSQL cannot store U+0000 in text or JSON, so a run record with one would fail after the run.
        else if (node.includes("\u0000")) report("contains a NUL character (\\u0000), which cannot be stored; remove it");
        return true;
    }
    if (node === null) return true;
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) {
        path.push(index);
        const ok = walk(node[index]);
        path.pop();
        if (!ok) return false;
      }
      return true;
    }
    if (!isPlainObject(node)) {
      report(`is not JSON (${Object.prototype.toString.call(node).slice(8, -1)})`);
      return true;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) {
        report(`uses the key "${key}", which is not allowed`, key);
        continue;
      }
      if (key.length > NODE_CONFIG_LIMITS.maxKeyLength) {
        report(`has a key longer than ${NODE_CONFIG_LIMITS.maxKeyLength} characters`);
        continue;
      }
      path.push(key);
      const ok = walk(node[key]);
      path.pop();
      if (!ok) return false;
    }
    return true;
  };
  walk(value);
  return problems;
}

/** Problems are reported at their path; the issue formatter names the place ("input.a.b is nested …"). */
function checkJsonTree(limits: JsonTreeLimits) {
  return (value: unknown, ctx: z.RefinementCtx) => {
    for (const problem of findJsonProblems(value, limits)) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
  };
}

// z.custom keeps the caller's object as is: copying keys one by one is what would let "__proto__" bite.
const parametersSchema = z
  .custom<JsonObject>(isPlainObject, { message: "parameters must be an object" })
  .superRefine(checkJsonTree({ maxDepth: NODE_CONFIG_LIMITS.maxDepth, maxValues: NODE_CONFIG_LIMITS.maxParameterValues }));

/** Upstream input data: any JSON document within the limits. */
export const inputDataSchema = z
  .custom<JsonValue>()
  .superRefine(checkJsonTree({ maxDepth: NODE_CONFIG_LIMITS.maxDepth, maxValues: NODE_CONFIG_LIMITS.maxInputValues }));

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

/** Most items of one per-item run in flight at once. */
export const MAX_ITEM_CONCURRENCY = 32;
export const DEFAULT_ITEM_CONCURRENCY = 4;

/**
 * Per-item execution (n8n's default): when the input data is an array, the node runs once per item, each item being
 * the input its templates and extracted parameters read. `true`, or settings: items in flight at once, and whether a
 * failed item stops the run or is reported beside the others.
 */
export const runPerItemSchema = z.union([
  z.boolean(),
  z
    .object({
      concurrency: z.number().int().min(1).max(MAX_ITEM_CONCURRENCY, `concurrency must be at most ${MAX_ITEM_CONCURRENCY}`).optional(),
      continueOnError: z.boolean().optional(),
    })
    .strict(),
]);

export interface PerItemSettings {
  concurrency: number;
  continueOnError: boolean;
}

/** The per-item settings of a config, or undefined when it runs once for the whole input. */
export function perItemSettings(config: NodeConfig): PerItemSettings | undefined {
  const setting = config.runPerItem;
  if (!setting) return undefined;
  if (setting === true) return { concurrency: DEFAULT_ITEM_CONCURRENCY, continueOnError: false };
  return { concurrency: setting.concurrency ?? DEFAULT_ITEM_CONCURRENCY, continueOnError: setting.continueOnError ?? false };
}

export const nodeConfigSchema = z
  .object({
    integration_service: identifier,
    resource: identifier,
    operation: identifier,
    parameters: parametersSchema.default({}),
    credential: credentialReferenceSchema.optional(),
    runPerItem: runPerItemSchema.optional(),
  })
  .strict();
export type NodeConfig = z.infer<typeof nodeConfigSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: NodeIssue[] };

export function parseNodeConfig(raw: unknown): ParseResult<NodeConfig> {
  const result = nodeConfigSchema.safeParse(raw);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: issuesFromZod(result.error, { input: raw }) };
}

export function parseInputData(raw: unknown): ParseResult<JsonValue> {
  const result = inputDataSchema.safeParse(raw);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: issuesFromZod(result.error, { input: raw, prefix: ["input"] }) };
}
