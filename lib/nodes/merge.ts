// Parameter precedence: node parameters > parameters extracted from the input data. Browser-safe.
import { formatPath, isPlainObject, type JsonObject, type JsonValue, type PathSegment } from "@/lib/json/json-value";

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
  /** The input path the value came from (`policy_id`, `policy_data.template`, `system.id`). */
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

/** Extra input keys the registry accepts for a parameter (e.g. `id` for `policyId`), tried after the case forms. */
export type ExtraAliases = Readonly<Record<string, readonly string[]>>;

/** Values found at the top level of the input data for the given parameter names. */
export function extractParameters(
  input: JsonValue | undefined,
  parameterNames: readonly string[],
  extraAliases: ExtraAliases = {},
): Map<string, { value: JsonValue; inputKey: string }> {
  const found = new Map<string, { value: JsonValue; inputKey: string }>();
  if (!isPlainObject(input)) return found;
  for (const name of parameterNames) {
    const candidates = [...parameterAliases(name), ...(Object.hasOwn(extraAliases, name) ? extraAliases[name]! : [])];
    const inputKey = candidates.find((alias) => Object.hasOwn(input, alias));
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
  extraAliases?: ExtraAliases;
}

/**
 * Merges node parameters over extracted ones. Plain objects merge per field (the node's field wins,
 * extracted fields fill the gaps); arrays and other values are replaced whole.
 */
export function mergeParameters({ nodeParameters, input, parameterNames, extraAliases }: MergeOptions): MergeResult {
  const sources: ParameterSource[] = [];
  // An extracted value's inputKey is its full path in the input: `policy_data.template` for `policyData.template`.
  const label = (segments: PathSegment[], source: ParameterSourceKind, inputKey?: string) =>
    sources.push({
      path: formatPath(segments),
      segments,
      source,
      ...(inputKey === undefined ? {} : { inputKey: formatPath([inputKey, ...segments.slice(1)]) }),
    });

  const merge = (node: JsonValue | undefined, extracted: JsonValue | undefined, inputKey: string, path: PathSegment[]): JsonValue => {
    const nodeObject = isPlainObject(node) ? node : undefined;
    const extractedObject = isPlainObject(extracted) ? extracted : undefined;
    // Objects are merged (and labelled) field by field unless the node replaces them with a non-object.
    if (nodeObject !== undefined || (node === undefined && extractedObject !== undefined)) {
      const other = extractedObject ?? {};
      const keys = [...new Set([...Object.keys(nodeObject ?? {}), ...Object.keys(other)])];
      if (keys.length === 0) label(path, nodeObject !== undefined ? "node" : "extracted", nodeObject !== undefined ? undefined : inputKey);
      return Object.fromEntries(keys.map((key) => [key, merge(nodeObject?.[key], other[key], inputKey, [...path, key])]));
    }
    if (node !== undefined) {
      label(path, "node");
      return node;
    }
    label(path, "extracted", inputKey);
    return extracted!;
  };

  const extracted = extractParameters(input, parameterNames, extraAliases);
  const entries: Array<[string, JsonValue]> = Object.entries(nodeParameters).map(([key, value]) => [
    key,
    merge(value, extracted.get(key)?.value, extracted.get(key)?.inputKey ?? key, [key]),
  ]);
  for (const [name, { value, inputKey }] of extracted) {
    if (!Object.hasOwn(nodeParameters, name)) entries.push([name, merge(undefined, value, inputKey, [name])]);
  }
  return { parameters: Object.fromEntries(entries), sources };
}
