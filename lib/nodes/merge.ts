// Parameter precedence: node parameters > parameters extracted from the input data. Browser-safe.
import { formatPath, isPlainObject, type JsonObject, type JsonValue, type PathSegment } from "./json-value";

/**
 * Where a final value came from:
 * - "node": configured in the node;
 * - "extracted": found in the input data under the parameter's name or alias (`inputKey`);
 * - "input": the node's value was exactly one `{{ template }}`, so the value is the input data at `inputKey`.
 */
export type ParameterSourceKind = "node" | "extracted" | "input";

export interface ParameterSource {
  /** Template-style path of the value, e.g. `policyData.name`. */
  path: string;
  segments: PathSegment[];
  source: ParameterSourceKind;
  /** The input key (extracted) or input path (input) the value came from. */
  inputKey?: string;
}

export interface MergeResult {
  parameters: JsonObject;
  sources: ParameterSource[];
}

function toSnakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").toLowerCase();
}

function toCamelCase(name: string): string {
  return name.replace(/[_-]+([a-zA-Z0-9])/g, (_match, char: string) => char.toUpperCase());
}

/** The input keys that fill a parameter, best first: its own name, then its snake_case and camelCase forms. */
export function parameterAliases(name: string): string[] {
  return [...new Set([name, toSnakeCase(name), toCamelCase(name)])];
}

/** Values found at the top level of the input data for the given parameter names. */
export function extractParameters(input: JsonValue | undefined, parameterNames: readonly string[]): Map<string, { value: JsonValue; inputKey: string }> {
  const found = new Map<string, { value: JsonValue; inputKey: string }>();
  if (!isPlainObject(input)) return found;
  for (const name of parameterNames) {
    const inputKey = parameterAliases(name).find((alias) => Object.hasOwn(input, alias));
    if (inputKey !== undefined) found.set(name, { value: input[inputKey]!, inputKey });
  }
  return found;
}

export interface MergeOptions {
  nodeParameters: JsonObject;
  /** The upstream JSON; only its top-level keys are extracted, and extracted values are never templated. */
  input: JsonValue | undefined;
  /** The operation's parameter names, from the registry. */
  parameterNames: readonly string[];
}

/**
 * Merges node parameters over extracted ones. Plain objects merge per field (the node's field wins,
 * extracted fields fill the gaps); arrays and other values are replaced whole.
 */
export function mergeParameters({ nodeParameters, input, parameterNames }: MergeOptions): MergeResult {
  const sources: ParameterSource[] = [];
  const label = (segments: PathSegment[], source: ParameterSourceKind, inputKey?: string) =>
    sources.push({ path: formatPath(segments), segments, source, ...(inputKey === undefined ? {} : { inputKey }) });

  const merge = (node: JsonValue | undefined, extracted: JsonValue | undefined, inputKey: string, path: PathSegment[]): JsonValue => {
    if (node !== undefined && isPlainObject(node) && isPlainObject(extracted)) {
      const keys = new Set([...Object.keys(node), ...Object.keys(extracted)]);
      if (keys.size === 0) label(path, "node");
      return Object.fromEntries([...keys].map((key) => [key, merge(node[key], extracted[key], inputKey, [...path, key])]));
    }
    if (node !== undefined) {
      label(path, "node");
      return node;
    }
    label(path, "extracted", inputKey);
    return extracted!;
  };

  const extracted = extractParameters(input, parameterNames);
  const entries: Array<[string, JsonValue]> = Object.entries(nodeParameters).map(([key, value]) => [
    key,
    merge(value, extracted.get(key)?.value, extracted.get(key)?.inputKey ?? key, [key]),
  ]);
  for (const [name, { value, inputKey }] of extracted) {
    if (!Object.hasOwn(nodeParameters, name)) entries.push([name, merge(undefined, value, inputKey, [name])]);
  }
  return { parameters: Object.fromEntries(entries), sources };
}
