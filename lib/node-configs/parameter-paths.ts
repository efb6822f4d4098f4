// Immutable reads and writes into a node's parameter object, used by the generated form. Browser-safe.
import { isPlainObject, type JsonObject, type JsonValue } from "@/lib/json/json-value";

export type ParameterPath = readonly string[];

export function readParameter(parameters: JsonObject, path: ParameterPath): JsonValue | undefined {
  let node: JsonValue | undefined = parameters;
  for (const key of path) {
    if (!isPlainObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

const isEmpty = (value: JsonValue | undefined) =>
  value === undefined || value === "" || (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0);

/**
 * Returns a copy with `value` at `path`. An empty value (undefined, "", [], {}) removes the key, and a
 * collection left empty is removed too, so clearing a field leaves no `"options": {}` behind in the JSON.
 */
export function writeParameter(parameters: JsonObject, path: ParameterPath, value: JsonValue | undefined): JsonObject {
  const [key, ...rest] = path;
  if (key === undefined) return parameters;
  const current = Object.hasOwn(parameters, key) ? parameters[key] : undefined;
  const next = rest.length === 0 ? value : writeParameter(isPlainObject(current) ? current : {}, rest, value);
  const copy: JsonObject = { ...parameters };
  if (isEmpty(next)) delete copy[key];
  else copy[key] = next as JsonValue;
  return copy;
}
