// The preview's one-click fix: an issue's suggested value written into the node's own parameters, but only where the
// node holds the literal that was flagged (a value from a template or the input data is left to its source).
// Browser-safe.
import type { Issue } from "@/lib/errors/app-error";
import { isPlainObject, type JsonObject, type JsonValue, type PathSegment } from "@/lib/json/json-value";
import { hasTemplate, parsePath } from "@/lib/nodes/templates";

function valueAt(root: JsonValue, path: readonly PathSegment[]): JsonValue | undefined {
  let value: JsonValue | undefined = root;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === "number") value = value[segment];
    else if (isPlainObject(value) && typeof segment === "string" && Object.hasOwn(value, segment)) value = value[segment];
    else return undefined;
  }
  return value;
}

function replaceAt(node: JsonValue, path: readonly PathSegment[], value: JsonValue): JsonValue {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(node) && typeof head === "number") return node.map((item, index) => (index === head ? replaceAt(item, rest, value) : item));
  if (isPlainObject(node) && typeof head === "string") return { ...node, [head]: replaceAt(node[head]!, rest, value) };
  return node;
}

/** The parameters with the issue's fix applied, or undefined when the fix does not apply to the node's own value. */
export function applyIssueFix(parameters: JsonObject, issue: Issue): JsonObject | undefined {
  const path = parsePath(issue.path);
  const replacement = issue.fix?.value;
  if (!Array.isArray(path) || path.length === 0 || typeof replacement !== "string") return undefined;
  const current = valueAt(parameters, path);
  if (typeof current !== "string" || hasTemplate(current) || current === replacement) return undefined;
  return replaceAt(parameters, path, replacement) as JsonObject;
}
