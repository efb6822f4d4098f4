// The paths a template can read from the input data, for autocompletion and the draggable key tree. Browser-safe.
import { formatPath, isPlainObject, type JsonValue, type PathSegment } from "@/lib/json/json-value";
import { clip } from "@/lib/text/clip";

/** Suggestions stay a list a person can scan, however large the input. */
export const INPUT_KEYS_LIMIT = 300;
const DEPTH_LIMIT = 6;

export interface InputKey {
  /** As a template writes it: `compliance.type`, `items[0].id`. */
  path: string;
  depth: number;
  /** A short preview of the value; objects and lists say what they hold. */
  preview: string;
}

function previewOf(value: JsonValue): string {
  if (Array.isArray(value)) return `list of ${value.length}`;
  if (isPlainObject(value)) return `object of ${Object.keys(value).length}`;
  return clip(JSON.stringify(value), 40);
}

/** Every key of the input, depth first; a list contributes its first item, as `[0]`. */
export function inputKeys(input: JsonValue | undefined): InputKey[] {
  const keys: InputKey[] = [];
  const walk = (value: JsonValue, path: PathSegment[]) => {
    if (keys.length >= INPUT_KEYS_LIMIT || path.length > DEPTH_LIMIT) return;
    if (path.length > 0) keys.push({ path: formatPath(path), depth: path.length - 1, preview: previewOf(value) });
    if (Array.isArray(value)) {
      if (value.length > 0) walk(value[0] as JsonValue, [...path, 0]);
    } else if (isPlainObject(value)) {
      for (const [key, child] of Object.entries(value)) walk(child as JsonValue, [...path, key]);
    }
  };
  if (input !== undefined) walk(input, []);
  return keys;
}

/** The template text a key is inserted as. */
export const templateOf = (path: string) => `{{ ${path} }}`;

/**
 * The unfinished template just before the caret (`{{ compli`), if the caret is inside one: where the typed path
 * starts and what has been typed so far.
 */
export function openTemplateAt(text: string, caret: number): { from: number; typed: string } | undefined {
  const before = text.slice(0, caret);
  const open = before.lastIndexOf("{{");
  if (open === -1 || before.indexOf("}}", open) !== -1) return undefined;
  const inside = before.slice(open + 2);
  const match = /^\s*([\w.$[\]"-]*)$/.exec(inside);
  if (!match) return undefined;
  return { from: caret - match[1]!.length, typed: match[1]! };
}

/** Keys that start with (or else contain) what was typed, best first. */
export function matchingKeys(keys: readonly InputKey[], typed: string, limit = 50): InputKey[] {
  const lower = typed.toLowerCase();
  const starts = keys.filter((key) => key.path.toLowerCase().startsWith(lower));
  const contains = keys.filter((key) => !key.path.toLowerCase().startsWith(lower) && key.path.toLowerCase().includes(lower));
  return [...starts, ...contains].slice(0, limit);
}
