// The JSON tab and import/export: the node config as text in the platform's format, and back. Browser-safe.
import { isPlainObject, type NodeIssue } from "@/lib/json/json-value";
import { parseInputData, parseNodeConfig, type CredentialReference, type NodeConfig } from "@/lib/nodes/node-config";
import type { JsonValue } from "@/lib/json/json-value";

export interface PlatformConfig {
  integration_service: string;
  resource: string;
  operation: string;
  parameters: Record<string, JsonValue>;
  /** Per-item execution; left out when the node runs once. */
  runPerItem?: NodeConfig["runPerItem"];
}

export type ConfigTextResult =
  | { ok: true; config: PlatformConfig; credential?: CredentialReference; input?: JsonValue }
  | { ok: false; issues: NodeIssue[] };

/** The exported text: the four keys in the platform's order (and runPerItem when set), two-space indented. */
export function formatConfig(config: PlatformConfig): string {
  const { integration_service, resource, operation, parameters, runPerItem } = config;
  return JSON.stringify({ integration_service, resource, operation, parameters, ...(runPerItem ? { runPerItem } : {}) }, null, 2);
}

/**
 * The exported file: the HTTP API's inline run request (`POST /api/v1/nodes/execute`), so it runs as is: the node
 * with its credential named (names travel between installations, ids do not) and the sample input beside it.
 */
export function formatExport(config: PlatformConfig, extras: { credentialName?: string | undefined; input?: JsonValue | undefined }): string {
  const { integration_service, resource, operation, parameters, runPerItem } = config;
  const node = { integration_service, resource, operation, parameters, ...(runPerItem ? { runPerItem } : {}), ...(extras.credentialName ? { credential: { name: extras.credentialName } } : {}) };
  return JSON.stringify({ node, ...(extras.input === undefined ? {} : { input: extras.input }) }, null, 2);
}

/** JSON.parse's message with a line and column, which V8 only gives as a character offset. */
export function jsonSyntaxIssue(text: string, error: unknown, path = ""): NodeIssue {
  const message = error instanceof Error ? error.message : "invalid JSON";
  const offset = /position (\d+)/.exec(message);
  let where = "";
  if (offset) {
    const before = text.slice(0, Number(offset[1]));
    const line = before.split("\n").length;
    where = ` (line ${line}, column ${before.length - before.lastIndexOf("\n")})`;
  }
  return { path, severity: "error", message: `Not valid JSON${where}: ${message.replace(/\s*\(line \d+ column \d+\)$/, "")}` };
}

/**
 * Parses a pasted or imported config, bare or as an exported file (`{ node, input }`); an embedded `credential`
 * and the exported input are returned beside it for the picker and the input editor.
 */
export function parseConfigText(text: string): ConfigTextResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [jsonSyntaxIssue(text, error)] };
  }
  const exported = isPlainObject(raw) && "node" in raw && !("integration_service" in raw) ? raw : undefined;
  if (exported) {
    const unknown = Object.keys(exported).filter((key) => key !== "node" && key !== "input");
    if (unknown.length > 0) return { ok: false, issues: [{ path: unknown[0]!, severity: "error", message: `An exported node file holds only "node" and "input"; remove ${unknown.map((key) => `"${key}"`).join(", ")}.` }] };
  }
  const parsed = parseNodeConfig(exported ? exported.node : raw);
  if (!parsed.ok) return exported ? { ok: false, issues: parsed.issues.map((issue) => ({ ...issue, path: issue.path ? `node.${issue.path}` : "node" })) } : parsed;
  const { credential, ...config } = parsed.value;
  let input: JsonValue | undefined;
  if (exported && exported.input !== undefined) {
    const checked = parseInputData(exported.input);
    if (!checked.ok) return checked;
    input = checked.value;
  }
  return { ok: true, config, ...(credential === undefined ? {} : { credential }), ...(input === undefined ? {} : { input }) };
}

export type InputTextResult = { ok: true; input: JsonValue | undefined } | { ok: false; issues: NodeIssue[] };

/** Sample input: empty text means "no input yet", which templates report differently from a missing key. */
export function parseInputText(text: string): InputTextResult {
  if (text.trim() === "") return { ok: true, input: undefined };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [jsonSyntaxIssue(text, error, "input")] };
  }
  const parsed = parseInputData(raw);
  return parsed.ok ? { ok: true, input: parsed.value } : parsed;
}
