// `{{ path }}` templates. Browser-safe: the preview renders them as the user types.
// A template reads the input data through own properties. Its whole grammar (nothing is ever evaluated):
//   expression  := first ( "??" fallback )*
//   first       := path | helper
//   fallback    := path | helper | number | true | false | null | "JSON string"
//   path        := name ( "." name | "[" digits "]" | "[" quoted key "]" )*
//   helper      := "$now()" | "$daysAgo(" number ")" | "$hoursAgo(" number ")"
// A fallback is used when everything before it is missing from the input (or null).
import { FORBIDDEN_KEYS, formatPath, isPlainObject, type JsonValue, type PathSegment } from "@/lib/json/json-value";
import { clip } from "@/lib/text/clip";

const OPEN = "{{";
const CLOSE = "}}";

export const TEMPLATE_SYNTAX_HELP =
  'Templates only read the input data: write names joined by dots, [0] for a list item and ["key"] for any other key, ' +
  "e.g. {{ compliance.environment }} or {{ items[0].id }}; a fallback after ?? is used when the input lacks the value " +
  "({{ limit ?? 50 }}); the helpers $now(), $daysAgo(n) and $hoursAgo(n) give an ISO date-time. Nothing else is supported.";

/** The helpers a template may call: each returns an ISO 8601 instant relative to the time of rendering. */
const HELPERS = {
  now: { arity: 0, offsetMs: () => 0 },
  daysAgo: { arity: 1, offsetMs: (n: number) => n * 86_400_000 },
  hoursAgo: { arity: 1, offsetMs: (n: number) => n * 3_600_000 },
} as const;
type HelperName = keyof typeof HELPERS;

export interface RenderOptions {
  /** The time helpers count from (ms since the epoch); the moment of rendering by default. */
  now?: number;
}

/**
 * What rendering may cost, so a response stays proportionate to its request: at most `perString` issues for one
 * string and `perNode` for a whole parameter tree are reported (the rest are counted: "and N more"), and templates
 * may add at most `renderedChars` characters in all (10,000 references to a 1 MB input would otherwise make 10 GB).
 */
export const TEMPLATE_LIMITS = { perString: 5, perNode: 50, renderedChars: 2_000_000 } as const;

export type TemplateErrorCode = "syntax" | "forbidden" | "unclosed" | "noInput" | "missingVariable" | "notTraversable" | "tooLarge" | "more";

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
  /** On a `more` issue: how many issues it stands for. */
  omitted?: number;
}

/** Why a template is not a plain path. */
export interface TemplateSyntaxError {
  code: "syntax" | "forbidden" | "unclosed";
  reason: string;
}

export type ParsedPath = PathSegment[] | TemplateSyntaxError;

export type Operand =
  | { kind: "path"; path: PathSegment[]; text: string }
  | { kind: "literal"; value: JsonValue }
  | { kind: "helper"; name: HelperName; args: number[] };

/** The operands of an expression, tried in order, or the reason it is not one. */
export type ParsedExpression = { operands: Operand[] } | TemplateSyntaxError;

export type TemplatePart =
  | { kind: "literal"; text: string; start: number; end: number }
  | {
      kind: "template";
      /** The whole `{{ … }}` as written. */
      source: string;
      expression: string;
      start: number;
      end: number;
      parsed: ParsedExpression;
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
        parsed: { code: "unclosed", reason: `"{{" at character ${open} has no closing "}}"` },
      });
      return parts;
    }
    const end = close + CLOSE.length;
    const inner = text.slice(open + OPEN.length, close);
    const expression = inner.trim();
    const parsed = inner.includes(OPEN)
      ? { code: "syntax" as const, reason: `nested "{{" inside a template is not allowed. ${TEMPLATE_SYNTAX_HELP}` }
      : parseExpression(expression);
    parts.push({ kind: "template", source: text.slice(open, end), expression, start: open, end, parsed });
    cursor = end;
  }
  if (cursor < text.length) parts.push({ kind: "literal", text: text.slice(cursor), start: cursor, end: text.length });
  return parts;
}

/** Splits at each `??` outside quoted keys and strings. */
function splitAlternatives(expression: string): string[] {
  const pieces: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let pos = 0; pos < expression.length; pos += 1) {
    const char = expression[pos];
    if (quote !== undefined) {
      if (char === "\\") pos += 1;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === "?" && expression[pos + 1] === "?") {
      pieces.push(expression.slice(start, pos).trim());
      start = pos + 2;
      pos += 1;
    }
  }
  pieces.push(expression.slice(start).trim());
  return pieces;
}

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const HELPER = /^\$([A-Za-z]+)\(\s*([^()]*?)\s*\)$/;

function parseHelper(text: string): Operand | TemplateSyntaxError | undefined {
  const match = HELPER.exec(text);
  if (match === null) return undefined;
  const [, name = "", argText = ""] = match;
  const fail = (why: string) => ({ code: "syntax" as const, reason: `${why}. ${TEMPLATE_SYNTAX_HELP}` });
  if (!Object.hasOwn(HELPERS, name)) return fail(`"$${clip(name, 40)}" is not a helper (helpers: ${Object.keys(HELPERS).map((h) => `$${h}`).join(", ")})`);
  const args = argText === "" ? [] : argText.split(",").map((arg) => arg.trim());
  const helper = HELPERS[name as HelperName];
  if (args.length !== helper.arity) return fail(`$${name} takes ${helper.arity === 0 ? "no argument" : "one number"}`);
  if (args.some((arg) => !NUMBER.test(arg) || Number(arg) < 0 || Number(arg) > 36_500)) return fail(`$${name} takes a number from 0 to 36500`);
  return { kind: "helper", name: name as HelperName, args: args.map(Number) };
}

function parseFallbackLiteral(text: string): Operand | undefined {
  if (NUMBER.test(text)) return { kind: "literal", value: Number(text) };
  if (text === "true" || text === "false") return { kind: "literal", value: text === "true" };
  if (text === "null") return { kind: "literal", value: null };
  if (text.startsWith('"')) {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === "string") return { kind: "literal", value };
    } catch {
      // not a JSON string: reported as a path below
    }
  }
  return undefined;
}

/** Parses `a.b ?? "x"` into its operands; anything outside the grammar is a syntax error naming what is allowed. */
export function parseExpression(expression: string): ParsedExpression {
  const pieces = splitAlternatives(expression);
  const operands: Operand[] = [];
  for (const [index, piece] of pieces.entries()) {
    if (piece === "" && pieces.length > 1) return { code: "syntax", reason: `"??" needs a value on both sides. ${TEMPLATE_SYNTAX_HELP}` };
    const literal = index > 0 ? parseFallbackLiteral(piece) : undefined;
    if (literal) {
      operands.push(literal);
      continue;
    }
    const helper = parseHelper(piece);
    if (helper && "code" in helper) return helper;
    if (helper) {
      operands.push(helper);
      continue;
    }
    const path = parsePath(piece);
    if (!Array.isArray(path)) return path;
    operands.push({ kind: "path", path, text: piece });
  }
  return { operands };
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

type Resolved = { ok: true; value: JsonValue; from?: string } | { ok: false; error: TemplateIssue };

function evaluate(operand: Operand, input: TemplateInput, options: RenderOptions): Lookup {
  if (operand.kind === "literal") return { ok: true, value: operand.value };
  if (operand.kind === "helper") {
    const offset = (HELPERS[operand.name].offsetMs as (n: number) => number)(operand.args[0] ?? 0);
    return { ok: true, value: new Date((options.now ?? Date.now()) - offset).toISOString() };
  }
  return lookupPath(input, operand.path);
}

function resolvePart(part: TemplatePart & { kind: "template" }, input: TemplateInput, parameterPath: string, options: RenderOptions = {}): Resolved {
  const issue = (code: TemplateErrorCode, reason: string): { ok: false; error: TemplateIssue } => {
    const place = parameterPath === "" ? `at character ${part.start}` : `in ${parameterPath} at character ${part.start}`;
    const subject = code === "syntax" || code === "forbidden" || code === "unclosed" ? `Template ${clip(part.source)}` : `Variable "${clip(part.expression)}"`;
    return {
      ok: false,
      error: { code, variable: part.expression, parameterPath, start: part.start, end: part.end, message: `${subject} ${place}: ${reason}` },
    };
  };
  const { parsed } = part;
  if ("code" in parsed) return issue(parsed.code, parsed.reason);
  // Each operand in turn: the first that is present (and not null) wins; the last one's answer stands.
  let first: Lookup | undefined;
  for (const [index, operand] of parsed.operands.entries()) {
    const found = evaluate(operand, input, options);
    first ??= found;
    const last = index === parsed.operands.length - 1;
    if (found.ok && (found.value !== null || last)) return { ok: true, value: found.value, ...(operand.kind === "path" ? { from: operand.text } : {}) };
    if (last && !found.ok) {
      const shown = first.ok ? found : first;
      if (shown.ok) break;
      const fallbacks = parsed.operands.length > 1 ? " (and no fallback after ?? is present either)" : "";
      return issue(shown.code, shown.code === "missingVariable" ? `not found in the input data: ${shown.detail}${fallbacks}` : `${shown.detail}${fallbacks}`);
    }
  }
  return { ok: true, value: null };
}

/** Resolves each part of a string for the preview: literal text, or each template's value or error. */
export function previewTemplate(text: string, input: TemplateInput, parameterPath = "", options: RenderOptions = {}): PreviewSegment[] {
  return parseTemplate(text).map((part) => {
    if (part.kind === "literal") return part;
    const shown = { kind: part.kind, source: part.source, expression: part.expression, start: part.start, end: part.end };
    const resolved = resolvePart(part, input, parameterPath, options);
    return resolved.ok ? { ...shown, ok: true, value: resolved.value, text: stringifyValue(resolved.value) } : { ...shown, ok: false, error: resolved.error };
  });
}

/** Characters left for templates to add, shared by every string of one rendering. */
interface RenderBudget {
  remainingChars: number;
}

const newBudget = (): RenderBudget => ({ remainingChars: TEMPLATE_LIMITS.renderedChars });

// The JSON size of an object an input value refers to, computed once per object: the same input is referenced
// again on every keystroke of the preview.
const jsonSizes = new WeakMap<object, number>();

function renderedSize(value: JsonValue): number {
  if (typeof value === "string") return value.length;
  if (typeof value !== "object" || value === null) return String(value).length;
  let size = jsonSizes.get(value);
  if (size === undefined) {
    size = JSON.stringify(value).length;
    jsonSizes.set(value, size);
  }
  return size;
}

/** 2000000 → "2,000,000" (toLocaleString is slow enough to matter when thousands of templates fail). */
const grouped = (count: number) => String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** One issue standing for the `count` issues of a string or node that were not listed. */
function moreIssue(count: number, parameterPath: string, first: TemplateIssue): TemplateIssue {
  const where = parameterPath === "" ? "" : ` in ${parameterPath}`;
  return { ...first, code: "more", variable: "", omitted: count, message: `…and ${count} more template error${count === 1 ? "" : "s"}${where} (fix the ones above first)` };
}

/**
 * Renders one string. A string that is exactly one template keeps the referenced value's JSON type;
 * templates inside longer text are stringified. Every unresolved template is reported, none becomes "".
 */
export function renderString(text: string, input: TemplateInput, parameterPath = "", options: RenderOptions = {}): RenderResult {
  if (!hasTemplate(text)) return { ok: true, value: text };
  const result = renderParts(parseTemplate(text), input, parameterPath, options, newBudget());
  return result.ok ? { ok: true, value: result.value } : result;
}

function renderParts(parts: TemplatePart[], input: TemplateInput, parameterPath: string, options: RenderOptions, budget: RenderBudget): RenderResult & { from?: string } {
  const issues: TemplateIssue[] = [];
  let omitted: TemplateIssue | undefined;
  let omittedCount = 0;
  let rendered = "";
  for (const part of parts) {
    if (part.kind === "literal") {
      rendered += part.text;
      continue;
    }
    let resolved = resolvePart(part, input, parameterPath, options);
    if (resolved.ok) {
      const size = renderedSize(resolved.value);
      if (size > budget.remainingChars) {
        const place = parameterPath === "" ? `at character ${part.start}` : `in ${parameterPath} at character ${part.start}`;
        const message = `Variable "${clip(part.expression)}" ${place}: templates may add at most ${grouped(TEMPLATE_LIMITS.renderedChars)} characters to a node's parameters, and this one would pass that (${grouped(size)} characters). Refer to a smaller part of the input data.`;
        resolved = { ok: false, error: { code: "tooLarge", variable: part.expression, parameterPath, start: part.start, end: part.end, message } };
        budget.remainingChars = 0;
      } else {
        budget.remainingChars -= size;
      }
    }
    if (!resolved.ok) {
      if (issues.length < TEMPLATE_LIMITS.perString) issues.push(resolved.error);
      else {
        omitted ??= resolved.error;
        omittedCount += 1;
      }
    } else if (parts.length === 1) return { ok: true, value: resolved.value, ...(resolved.from === undefined ? {} : { from: resolved.from }) };
    else if (issues.length === 0) rendered += stringifyValue(resolved.value);
  }
  if (omitted !== undefined) issues.push(moreIssue(omittedCount, parameterPath, omitted));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: rendered };
}

export interface TemplateReference {
  /** The parameter whose value is exactly one template. */
  parameterPath: PathSegment[];
  /** The input path its value was read from, e.g. `system_id` (for `{{ limit ?? 50 }}`, only when the input had it). */
  inputPath: string;
}

export interface RenderTreeResult {
  value: JsonValue;
  /** At most TEMPLATE_LIMITS.perNode of them, then one saying how many more there are. */
  issues: TemplateIssue[];
  /** Parameters whose whole value came from the input through a single template. */
  references: TemplateReference[];
}

/** Renders every string inside a parameter tree (keys are never templated); the tree is copied, the input is not. */
export function renderTemplates(value: JsonValue, input: TemplateInput, basePath: readonly PathSegment[] = [], options: RenderOptions = {}): RenderTreeResult {
  const issues: TemplateIssue[] = [];
  const references: TemplateReference[] = [];
  const budget = newBudget();
  let omitted: TemplateIssue | undefined;
  let omittedCount = 0;
  const walk = (node: JsonValue, path: PathSegment[]): JsonValue => {
    if (typeof node === "string") {
      if (!hasTemplate(node)) return node;
      const result = renderParts(parseTemplate(node), input, formatPath(path), options, budget);
      if (!result.ok) {
        for (const issue of result.issues) {
          if (issues.length < TEMPLATE_LIMITS.perNode) issues.push(issue);
          else {
            omitted ??= issue;
            omittedCount += issue.omitted ?? 1;
          }
        }
        return node;
      }
      if (result.from !== undefined) references.push({ parameterPath: path, inputPath: result.from });
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
  if (omitted !== undefined) issues.push(moreIssue(omittedCount, "", { ...omitted, parameterPath: formatPath([...basePath]) }));
  return { value: rendered, issues, references };
}
