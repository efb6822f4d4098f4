import { badRequest } from "./http-io";
import type { ConfigField, PolicyTemplate, PolicyValue } from "./model";

/** Checks policy `values` against the template's configFields, keeping each value's JSON type (support PR #544). */
export function validateValues(template: PolicyTemplate, raw: unknown): PolicyValue[] {
  if (raw === undefined || raw === null) return checkRequired(template, []);
  if (!Array.isArray(raw)) throw badRequest("values must be an array", { name: "values", status: "invalidValues" });
  const fields = new Map(template.configFields.map((f) => [f.id, f]));
  const seen = new Set<string>();
  const values = raw.map((item: unknown, index): PolicyValue => {
    const where = `values[${index}]`;
    if (typeof item !== "object" || item === null) throw badRequest(`${where} must be an object`, { name: where, status: "invalidValues" });
    const { configFieldID, value, sensitive } = item as Record<string, unknown>;
    if (typeof configFieldID !== "string") throw badRequest(`${where}.configFieldID is required`, { name: `${where}.configFieldID`, status: "nullConfigFieldID" });
    const field = fields.get(configFieldID);
    if (!field) {
      throw badRequest(`${where}.configFieldID "${configFieldID}" is not a field of template ${template.name}`, { name: `${where}.configFieldID`, status: "invalidConfigFieldID" });
    }
    if (seen.has(configFieldID)) throw badRequest(`${where}: field ${field.name} is given twice`, { name: `${where}.configFieldID`, status: "duplicateConfigFieldID" });
    seen.add(configFieldID);
    if (sensitive !== undefined && typeof sensitive !== "boolean") throw badRequest(`${where}.sensitive must be a boolean`, { name: `${where}.sensitive`, status: "invalidSensitive" });
    checkValue(field, value, `${where}.value`);
    return { configFieldID, value: value as PolicyValue["value"], sensitive: sensitive ?? field.sensitive };
  });
  return checkRequired(template, values);
}

function checkValue(field: ConfigField, value: unknown, where: string): void {
  const fail = (expected: string) => badRequest(`${where} for ${field.name} must be ${expected}`, { name: where, status: "invalidValue" });
  switch (field.displayType) {
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) throw fail("a number");
      const { min, max } = field.validators ?? {};
      if (min !== undefined && value < min) throw fail(`at least ${min}`);
      if (max !== undefined && value > max) throw fail(`at most ${max}`);
      return;
    }
    case "checkbox":
      if (typeof value !== "boolean") throw fail("true or false");
      return;
    case "select": {
      const allowed = field.displayOptions?.select.map((o) => o.value) ?? [];
      if (typeof value !== "string" || !allowed.includes(value)) throw fail(`one of ${allowed.join(", ")}`);
      return;
    }
    case "text":
    case "textarea": {
      if (typeof value !== "string") throw fail("a string");
      const maxLength = field.validators?.maxLength;
      if (maxLength !== undefined && value.length > maxLength) throw fail(`at most ${maxLength} characters`);
      return;
    }
  }
}

/** A required field needs a value unless the template supplies a default. */
function checkRequired(template: PolicyTemplate, values: PolicyValue[]): PolicyValue[] {
  for (const field of template.configFields) {
    if (field.required && field.defaultValue === null && !values.some((v) => v.configFieldID === field.id)) {
      throw badRequest(`values: ${field.name} is required by template ${template.name}`, { name: "values", status: "missingRequiredValue" });
    }
  }
  return values;
}
