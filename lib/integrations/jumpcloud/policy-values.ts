// Policy values against a template's config fields: accept both input shapes, fill defaults, merge updates.
// Values keep the JSON type they were given or defaulted with (JumpCloud support PR #544: strings turned to numbers).
import { JumpCloudError } from "./errors";
import type { PolicyValuesInput } from "./operations/schemas";

export interface ConfigField {
  id: string;
  name: string;
  label?: string;
  defaultValue?: unknown;
  sensitive?: boolean;
  required?: boolean;
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
