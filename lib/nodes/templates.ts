// `{{ path }}` templates. Browser-safe: the preview renders them as the user types.
// A template is only ever a path into the input data, read through own properties; nothing is evaluated.
import { FORBIDDEN_KEYS, formatPath, isPlainObject, type JsonValue, type PathSegment } from "@/lib/json/json-value";
import { clip } from "@/lib/text/clip";

const OPEN = "{{";
const CLOSE = "}}";

export const TEMPLATE_SYNTAX_HELP =
  'Templates only read the input data: write names joined by dots, [0] for a list item and ["key"] for any other key, ' +
  "e.g. {{ compliance.environment }} or {{ items[0].id }}. Functions, operators and filters are not supported.";

export type TemplateErrorCode = "syntax" | "forbidden" | "unclosed" | "noInput" | "missingVariable" | "notTraversable";

/** A template that cannot be resolved: which variable, where it was written, and why. */
export interface TemplateIssue {
  code: TemplateErrorCode;
  /** The text between the braces, trimmed. */
  variable: string;
  /** The parameter holding the template (e.g. `policyData.name`); empty for a bare string. */
  parameterPath: string;
  /** Character offsets of the `{{ … }}` in the string. */
  start: number;
  end: number;
  message: string;
}

/** Why a template is not a plain path. */
export interface TemplateSyntaxError {
  code: "syntax" | "forbidden" | "unclosed";
  reason: string;
}

export type ParsedPath = PathSegment[] | TemplateSyntaxError;

export type TemplatePart =
  | { kind: "literal"; text: string; start: number; end: number }
  | {
      kind: "template";
      /** The whole `{{ … }}` as written. */
      source: string;
      expression: string;
      start: number;
      end: number;
      /** The parsed path, or the reason it is not a plain path. */
      path: ParsedPath;
    };

export type PreviewSegment =
  | { kind: "literal"; text: string; start: number; end: number }
  | { kind: "template"; source: string; expression: string; start: number; end: number; ok: true; value: JsonValue; text: string }
  | { kind: "template"; source: string; expression: string; start: number; end: number; ok: false; error: TemplateIssue };

export type RenderResult = { ok: true; value: JsonValue } | { ok: false; issues: TemplateIssue[] };

/** The input data a template reads; `undefined` means no input has been given yet. */
export type TemplateInput = JsonValue | undefined;

export function hasTemplate(text: string): boolean {
  return text.includes(OPEN);
}

/** Splits a string into literal text and `{{ … }}` parts, parsing each template's path. */
export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let cursor = 0;
  while (cursor < text.length) {
    const open = text.indexOf(OPEN, cursor);
    if (open === -1) break;
    if (open > cursor) parts.push({ kind: "literal", text: text.slice(cursor, open), start: cursor, end: open });
    const close = text.indexOf(CLOSE, open + OPEN.length);
    if (close === -1) {
      const source = text.slice(open);
      parts.push({
        kind: "template",
        source,
        expression: source.slice(OPEN.length).trim(),
        start: open,
        end: text.length,
        path: { code: "unclosed", reason: `"{{" at character ${open} has no closing "}}"` },
      });
      return parts;
    }
    const end = close + CLOSE.length;
    const inner = text.slice(open + OPEN.length, close);
    const expression = inner.trim();
    const path = inner.includes(OPEN)
      ? { code: "syntax" as const, reason: `nested "{{" inside a template is not allowed. ${TEMPLATE_SYNTAX_HELP}` }
      : parsePath(expression);
    parts.push({ kind: "template", source: text.slice(open, end), expression, start: open, end, path });
    cursor = end;
  }
  if (cursor < text.length) parts.push({ kind: "literal", text: text.slice(cursor), start: cursor, end: text.length });
  return parts;
}

const NAME = /[\w$-]/y;
const INDEX = /\d+/y;

/** Parses `a.b[0]["c d"]` into segments; anything else is a syntax error naming what is allowed. */
export function parsePath(expression: string): ParsedPath {
  if (expression === "") return { code: "syntax", reason: `the template is empty. ${TEMPLATE_SYNTAX_HELP}` };
  const segments: PathSegment[] = [];
  let pos = 0;
  const fail = (what: string) => ({
    code: "syntax" as const,
    reason: `"${expression}" is not a plain path (${what} at character ${pos}). ${TEMPLATE_SYNTAX_HELP}`,
  });
  while (pos < expression.length) {
    const char = expression[pos];
    if (char === "[") {
      pos += 1;
      INDEX.lastIndex = pos;
      const index = INDEX.exec(expression);
      if (index !== null) {
        segments.push(Number(index[0]));
        pos += index[0].length;
      } else if (expression[pos] === '"' || expression[pos] === "'") {
        const key = readQuoted(expression, pos);
        if (key === null) return fail("unterminated quoted key");
        segments.push(key.value);
        pos = key.end;
      } else {
        return fail(`"${expression[pos] ?? ""}" inside [ ]`);
      }
      if (expression[pos] !== "]") return fail('missing "]"');
      pos += 1;
      continue;
    }
    if (segments.length > 0) {
      if (char !== ".") return fail(`unexpected "${char}"`);
      pos += 1;
    }
    const start = pos;
    NAME.lastIndex = pos;
    while (NAME.test(expression)) pos = NAME.lastIndex;
    if (pos === start) return fail(`unexpected "${expression[pos] ?? "end"}"`);
    segments.push(expression.slice(start, pos));
  }
  const forbidden = segments.find((segment) => typeof segment === "string" && FORBIDDEN_KEYS.has(segment));
  if (forbidden !== undefined) {
    return { code: "forbidden", reason: `"${String(forbidden)}" cannot be used in a template: it is not data. ${TEMPLATE_SYNTAX_HELP}` };
  }
  return segments;
}

function readQuoted(text: string, start: number): { value: string; end: number } | null {
  const quote = text[start];
  let value = "";
  for (let pos = start + 1; pos < text.length; pos += 1) {
    const char = text[pos];
    if (char === "\\") {
      const next = text[pos + 1];
      if (next === undefined) return null;
      value += next;
      pos += 1;
    } else if (char === quote) {
      return { value, end: pos + 1 };
    } else {
      value += char;
    }
  }
  return null;
}

type Lookup = { ok: true; value: JsonValue } | { ok: false; code: "missingVariable" | "notTraversable" | "noInput"; detail: string };

/** Follows a path through the input using own properties only; never copies the input. */
export function lookupPath(input: TemplateInput, path: readonly PathSegment[]): Lookup {
  if (input === undefined) return { ok: false, code: "noInput", detail: "there is no input data yet" };
  let current: JsonValue = input;
  for (let index = 0; index < path.length; index += 1) {
    const segment = path[index]!;
    // Only a failing step names where it failed; formatting every prefix of a long path would cost O(n²).
    const where = () => (index === 0 ? "the input data" : `"${clip(formatPath(path.slice(0, index)))}"`);
    if (Array.isArray(current)) {
      const position = typeof segment === "number" ? segment : /^\d+$/.test(segment) ? Number(segment) : undefined;
      if (position === undefined) {
        return { ok: false, code: "notTraversable", detail: `${where()} is a list; use [0], [1], … to pick an item` };
      }
      if (!Object.hasOwn(current, position)) {
        return { ok: false, code: "missingVariable", detail: `${where()} has ${current.length} item(s), so [${position}] does not exist` };
      }
      current = current[position]!;
    } else if (isPlainObject(current)) {
      const key = String(segment);
      if (!Object.hasOwn(current, key)) {
        return { ok: false, code: "missingVariable", detail: `${where()} has no key "${clip(key)}"${describeKeys(current)}` };
      }
      current = current[key]!;
    } else {
      return { ok: false, code: "notTraversable", detail: `${where()} is ${describeValue(current)}, not an object or list` };
    }
  }
  return { ok: true, value: current };
}

function describeKeys(object: Record<string, unknown>): string {
  const keys: string[] = [];
  for (const key in object) {
    if (keys.length === 8) return ` (it has ${keys.join(", ")}, …)`;
    keys.push(clip(key, 40));
  }
  return keys.length === 0 ? " (it is empty)" : ` (it has ${keys.join(", ")})`;
}

function describeValue(value: JsonValue): string {
  return value === null ? "null" : `a ${typeof value}`;
}

/** How a value reads inside a longer string: strings as they are, everything else as JSON. */
export function stringifyValue(value: JsonValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function resolvePart(part: TemplatePart & { kind: "template" }, input: TemplateInput, parameterPath: string): { ok: true; value: JsonValue } | { ok: false; error: TemplateIssue } {
  const issue = (code: TemplateErrorCode, reason: string): { ok: false; error: TemplateIssue } => {
    const place = parameterPath === "" ? `at character ${part.start}` : `in ${parameterPath} at character ${part.start}`;
    const subject = code === "syntax" || code === "forbidden" || code === "unclosed" ? `Template ${clip(part.source)}` : `Variable "${clip(part.expression)}"`;
    return {
      ok: false,
      error: { code, variable: part.expression, parameterPath, start: part.start, end: part.end, message: `${subject} ${place}: ${reason}` },
    };
  };
  if (!Array.isArray(part.path)) return issue(part.path.code, part.path.reason);
  const found = lookupPath(input, part.path);
  if (!found.ok) {
    return issue(found.code, found.code === "missingVariable" ? `not found in the input data: ${found.detail}` : found.detail);
  }
  return { ok: true, value: found.value };
}

/** Resolves each part of a string for the preview: literal text, or each template's value or error. */
export function previewTemplate(text: string, input: TemplateInput, parameterPath = ""): PreviewSegment[] {
  return parseTemplate(text).map((part) => {
    if (part.kind === "literal") return part;
    const shown = { kind: part.kind, source: part.source, expression: part.expression, start: part.start, end: part.end };
    const resolved = resolvePart(part, input, parameterPath);
    return resolved.ok ? { ...shown, ok: true, value: resolved.value, text: stringifyValue(resolved.value) } : { ...shown, ok: false, error: resolved.error };
  });
}

/**
 * Renders one string. A string that is exactly one template keeps the referenced value's JSON type;
 * templates inside longer text are stringified. Every unresolved template is reported, none becomes "".
 */
export function renderString(text: string, input: TemplateInput, parameterPath = ""): RenderResult {
  return hasTemplate(text) ? renderParts(parseTemplate(text), input, parameterPath) : { ok: true, value: text };
}

function renderParts(parts: TemplatePart[], input: TemplateInput, parameterPath: string): RenderResult {
  const issues: TemplateIssue[] = [];
  let rendered = "";
  for (const part of parts) {
    if (part.kind === "literal") {
      rendered += part.text;
      continue;
    }
    const resolved = resolvePart(part, input, parameterPath);
    if (!resolved.ok) issues.push(resolved.error);
    else if (parts.length === 1) return { ok: true, value: resolved.value };
    else rendered += stringifyValue(resolved.value);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: rendered };
}

export interface TemplateReference {
  /** The parameter whose value is exactly one template. */
  parameterPath: PathSegment[];
  /** The input path it reads, e.g. `system_id`. */
  inputPath: string;
}

export interface RenderTreeResult {
  value: JsonValue;
  issues: TemplateIssue[];
  /** Parameters whose whole value came from the input through a single template. */
  references: TemplateReference[];
}

/** Renders every string inside a parameter tree (keys are never templated); the tree is copied, the input is not. */
export function renderTemplates(value: JsonValue, input: TemplateInput, basePath: readonly PathSegment[] = []): RenderTreeResult {
  const issues: TemplateIssue[] = [];
  const references: TemplateReference[] = [];
  const walk = (node: JsonValue, path: PathSegment[]): JsonValue => {
    if (typeof node === "string") {
      if (!hasTemplate(node)) return node;
      const parts = parseTemplate(node);
      const result = renderParts(parts, input, formatPath(path));
      if (!result.ok) {
        issues.push(...result.issues);
        return node;
      }
      const only = parts.length === 1 ? parts[0] : undefined;
      if (only?.kind === "template") references.push({ parameterPath: path, inputPath: only.expression });
      return result.value;
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...path, index]));
    if (isPlainObject(node)) {
      // fromEntries defines own properties, so even a stray "__proto__" key could not change the prototype.
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child, [...path, key])]));
    }
    return node;
  };
  const rendered = walk(value, [...basePath]);
  return { value: rendered, issues, references };
}
