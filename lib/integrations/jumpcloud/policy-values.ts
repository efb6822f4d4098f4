// Policy values against a template's config fields: accept both input shapes, check every value against its field
// (before anything is sent, in the preview and the run alike), fill defaults, merge updates. Values keep the JSON type
// they were given or defaulted with (JumpCloud support PR #544: strings turned to numbers). Browser-safe.
import type { Issue } from "@/lib/errors/app-error";
import { formatPath, isPlainObject, type PathSegment } from "@/lib/json/json-value";
import type { DynamicField } from "../types";
import { JumpCloudError } from "./errors";
import type { PolicyValuesInput } from "./operations/schemas";

/** A template's config field as JumpCloud describes it (api-notes 5.2). */
export interface ConfigField {
  id: string;
  name: string;
  label?: string;
  defaultValue?: unknown;
  sensitive?: boolean;
  required?: boolean;
  readOnly?: boolean;
  position?: number;
  displayType?: string;
  displayOptions?: { select?: Array<{ text?: string; value: unknown }> } | null;
  validators?: { min?: number; max?: number; maxLength?: number } | null;
}

const DISPLAY_TYPES: Record<string, DynamicField["type"]> = {
  number: "number",
  numberinline: "number",
  checkbox: "checkbox",
  select: "select",
  text: "text",
  textarea: "text",
  email: "text",
};

const finite = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/** The field as the builder's form and the value check read it; display types without a known value shape are not checked. */
export function toDynamicField(field: ConfigField): DynamicField {
  const select = field.displayOptions?.select ?? [];
  const min = finite(field.validators?.min);
  const max = finite(field.validators?.max);
  const maxLength = finite(field.validators?.maxLength);
  return {
    id: String(field.id),
    name: String(field.name),
    label: String(field.label ?? field.name),
    type: DISPLAY_TYPES[String(field.displayType)] ?? "other",
    defaultValue: field.defaultValue ?? null,
    required: field.required === true,
    options: select.map((option) => ({ value: String(option.value), label: String(option.text ?? option.value) })),
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    ...(maxLength === undefined ? {} : { maxLength }),
    ...(field.sensitive ? { sensitive: true } : {}),
  };
}

function problemOf(field: DynamicField, value: unknown): string | undefined {
  switch (field.type) {
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return "must be a number";
      if (field.min !== undefined && value < field.min) return `must be at least ${field.min}${field.max === undefined ? "" : ` (${field.min} to ${field.max})`}`;
      if (field.max !== undefined && value > field.max) return `must be at most ${field.max}${field.min === undefined ? "" : ` (${field.min} to ${field.max})`}`;
      return undefined;
    }
    case "checkbox":
      return typeof value === "boolean" ? undefined : "must be true or false";
    case "select":
      return typeof value === "string" && field.options.some((option) => option.value === value) ? undefined : `must be one of ${field.options.map((o) => o.value).join(", ")}`;
    case "text":
      if (typeof value !== "string") return "must be text";
      return field.maxLength !== undefined && value.length > field.maxLength ? `must be at most ${field.maxLength} characters (it has ${value.length})` : undefined;
    default:
      return undefined;
  }
}

/**
 * Every problem of `values` against a template's fields, each at its path (`policyData.values.uacLevel`): unknown
 * fields, wrong types, numbers out of range, options not offered, text too long and, for a new policy, required
 * fields without a default left out. Values are never echoed: a sensitive one must not travel back in a message.
 */
export function checkTemplateValues(fields: readonly DynamicField[], values: unknown, path: readonly PathSegment[], options: { requireAll: boolean }): Issue[] {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const byName = new Map(fields.map((f) => [f.name, f]));
  const available = fields.length > 0 ? fields.map((f) => f.name).join(", ") : "none";
  const issues: Issue[] = [];
  const given = new Set<string>();
  const check = (field: DynamicField | undefined, value: unknown, at: PathSegment[], key: string) => {
    if (!field) {
      issues.push({ path: formatPath(at), severity: "error", message: `"${key.slice(0, 80)}" is not a config field of this template (fields: ${available}).` });
      return;
    }
    given.add(field.id);
    const problem = problemOf(field, value);
    if (problem) issues.push({ path: formatPath(at), severity: "error", message: `${field.name} (${field.label}) ${problem}.` });
  };
  if (Array.isArray(values)) {
    values.forEach((entry: unknown, index) => {
      if (!isPlainObject(entry) || typeof entry.configFieldID !== "string") return; // the schema reports the shape
      check(byId.get(entry.configFieldID), entry.value, [...path, index, "value"], entry.configFieldID);
    });
  } else if (isPlainObject(values)) {
    for (const [key, value] of Object.entries(values)) check(byName.get(key) ?? byId.get(key), value, [...path, key], key);
  }
  if (options.requireAll) {
    for (const field of fields) {
      if (field.required && (field.defaultValue === null || field.defaultValue === undefined) && !given.has(field.id)) {
        issues.push({ path: formatPath([...path, field.name]), severity: "error", message: `${field.name} (${field.label}) is required by this template, which has no default for it.` });
      }
    }
  }
  return issues;
}

/** Throws every problem of the values at once, before the request that would carry them. */
export function assertTemplateValues(fields: readonly ConfigField[], values: unknown, options: { requireAll: boolean; templateName: string }): void {
  const issues = checkTemplateValues(fields.map(toDynamicField), values, ["policyData", "values"], options);
  if (issues.length === 0) return;
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  throw new JumpCloudError({
    kind: "invalidParameters",
    message: `Invalid value for template ${options.templateName}: ${first.path}: ${first.message}${more}`,
    path: first.path,
    issues,
  });
}

export interface PolicyValue {
  configFieldID: string;
  value: unknown;
  sensitive: boolean;
}

function invalid(path: string, message: string): JumpCloudError {
  return new JumpCloudError({ kind: "invalidParameters", message: `Invalid parameter ${path}: ${message}`, path: path });
}

/** Accepts [{configFieldID, value}] or an object keyed by config field name (or id). */
export function toValueList(input: PolicyValuesInput, fields: readonly ConfigField[], templateName: string, path = "policyData.values"): PolicyValue[] {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const byName = new Map(fields.map((f) => [f.name, f]));
  const available = fields.length > 0 ? fields.map((f) => f.name).join(", ") : "none";
  const out = new Map<string, PolicyValue>();
  if (Array.isArray(input)) {
    input.forEach((entry, index) => {
      const field = byId.get(entry.configFieldID);
      if (!field) throw invalid(`${path}[${index}].configFieldID`, `"${entry.configFieldID}" is not a config field of template ${templateName} (fields: ${available}).`);
      out.set(field.id, { configFieldID: field.id, value: entry.value, sensitive: entry.sensitive ?? field.sensitive ?? false });
    });
  } else {
    for (const [key, value] of Object.entries(input)) {
      const field = byName.get(key) ?? byId.get(key);
      if (!field) throw invalid(`${path}.${key}`, `"${key}" is not a config field of template ${templateName} (fields: ${available}).`);
      out.set(field.id, { configFieldID: field.id, value, sensitive: field.sensitive ?? false });
    }
  }
  return [...out.values()];
}

/** Given values win; every other field with a default gets it, in the template's field order. */
export function fillDefaults(given: readonly PolicyValue[], fields: readonly ConfigField[]): PolicyValue[] {
  const byId = new Map(given.map((v) => [v.configFieldID, v]));
  const out: PolicyValue[] = [];
  for (const field of fields) {
    const value = byId.get(field.id);
    if (value) out.push(value);
    else if (field.defaultValue !== undefined && field.defaultValue !== null) {
      out.push({ configFieldID: field.id, value: field.defaultValue, sensitive: field.sensitive ?? false });
    }
  }
  return out;
}

/** PUT replaces the whole policy, so current values are re-sent with the changes applied. */
export function mergeValues(current: readonly PolicyValue[], changes: readonly PolicyValue[]): PolicyValue[] {
  const changed = new Map(changes.map((v) => [v.configFieldID, v]));
  const merged = current.map((v) => changed.get(v.configFieldID) ?? v);
  const seen = new Set(current.map((v) => v.configFieldID));
  for (const change of changes) if (!seen.has(change.configFieldID)) merged.push(change);
  return merged;
}
