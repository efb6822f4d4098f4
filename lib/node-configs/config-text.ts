// The JSON tab and import/export: the node config as text in the platform's format, and back. Browser-safe.
import type { NodeIssue } from "@/lib/json/json-value";
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
  | { ok: true; config: PlatformConfig; credential?: CredentialReference }
  | { ok: false; issues: NodeIssue[] };

/** The exported text: the four keys in the platform's order (and runPerItem when set), two-space indented. */
export function formatConfig(config: PlatformConfig): string {
  const { integration_service, resource, operation, parameters, runPerItem } = config;
  return JSON.stringify({ integration_service, resource, operation, parameters, ...(runPerItem ? { runPerItem } : {}) }, null, 2);
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

/** Parses a pasted or imported config; an embedded `credential` is returned beside it for the picker. */
export function parseConfigText(text: string): ConfigTextResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [jsonSyntaxIssue(text, error)] };
  }
  const parsed = parseNodeConfig(raw);
  if (!parsed.ok) return parsed;
  const { credential, ...config } = parsed.value;
  return credential === undefined ? { ok: true, config } : { ok: true, config, credential };
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
