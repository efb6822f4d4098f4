"use client";
import { useQuery } from "@tanstack/react-query";
import { controlClass } from "@/components/ui/field";
import { isPlainObject, type JsonObject, type JsonValue } from "@/lib/json/json-value";
import type { DynamicField } from "@/lib/integrations/types";
import { readParameter, writeParameter } from "@/lib/node-configs/parameter-paths";
import { dependencyKey, dynamicFieldsQuery } from "./dynamic-fields-query";
import { useFieldContext } from "./field-context";
import { asText, FieldFrame, numberOrText, type FieldProps } from "./field-frame";

function DynamicFieldInput({ field, value, onChange }: { field: DynamicField; value: JsonValue | undefined; onChange: (v: JsonValue | undefined) => void }) {
  const { readOnly } = useFieldContext();
  const label = `${field.label} (${field.name})`;
  const placeholder = field.defaultValue === null || field.defaultValue === undefined ? "" : `default: ${JSON.stringify(field.defaultValue)}`;
  if (field.type === "checkbox" && typeof value !== "string") {
    return (
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          disabled={readOnly}
          checked={value === undefined ? field.defaultValue === true : value === true}
          onChange={(e) => onChange(e.target.checked)}
          aria-label={label}
        />
        {label}
      </label>
    );
  }
  return (
    <label className="block space-y-1 text-sm">
      <span>{label}</span>
      {field.type === "select" ? (
        <select className={controlClass} aria-label={label} disabled={readOnly} value={asText(value)} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}>
          <option value="">{placeholder || "(default)"}</option>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          className={controlClass}
          aria-label={label}
          readOnly={readOnly}
          placeholder={placeholder}
          inputMode={field.type === "number" ? "numeric" : undefined}
          value={asText(value)}
          onChange={(e) => onChange(field.type === "number" ? numberOrText(e.target.value) : e.target.value === "" ? undefined : e.target.value)}
        />
      )}
    </label>
  );
}

/**
 * A dynamic-fields parameter (policyData.values): once the parameter it depends on is set (the template), the
 * fields loaded through the credential as typed inputs, stored by field name; otherwise the value as JSON.
 */
export function DynamicFieldsEditor({ spec, path, parameters, onChange }: FieldProps) {
  const { credentialId, scope, readOnly } = useFieldContext();
  const source = spec.dynamicFields!;
  const dependency = dependencyKey(readParameter(parameters, [...path.slice(0, -1), source.dependsOn]));
  const value = readParameter(parameters, path);
  const scopeText = JSON.stringify(scope);
  const details = useQuery(dynamicFieldsQuery(source, credentialId, dependency, scopeText));

  const byName = isPlainObject(value) ? value : undefined;
  const setField = (name: string, next: JsonValue | undefined) => onChange(writeParameter(parameters, [...path, name], next));

  return (
    <FieldFrame spec={spec} path={path}>
      {(a11y) => (
        <div className="space-y-2" id={a11y.id}>
          {details.data && (value === undefined || byName) ? (
            <div className="grid gap-3 rounded-md border border-zinc-200 p-3 sm:grid-cols-2 dark:border-zinc-700" data-testid="template-fields">
              <p className="text-xs text-zinc-500 sm:col-span-2">{details.data.title}; empty fields take their default.</p>
              {details.data.fields.map((field) => (
                <DynamicFieldInput key={field.id} field={field} value={byName?.[field.name]} onChange={(v) => setField(field.name, v)} />
              ))}
            </div>
          ) : (
            <textarea
              key={JSON.stringify(value ?? null)}
              className={`${controlClass} font-mono text-xs`}
              rows={3}
              readOnly={readOnly}
              placeholder='{"timeout": 900}'
              defaultValue={value === undefined ? "" : JSON.stringify(value, null, 2)}
              onBlur={(e) => {
                try {
                  onChange(writeParameter(parameters, path, e.target.value.trim() === "" ? undefined : (JSON.parse(e.target.value) as JsonObject)));
                } catch {
                  onChange(writeParameter(parameters, path, e.target.value));
                }
              }}
              {...a11y}
            />
          )}
          {details.isFetching && <p className="text-xs text-zinc-500">Loading the fields…</p>}
          {details.isError && <p className="text-xs text-amber-700">{details.error.message}</p>}
          {!credentialId && dependency && <p className="text-xs text-zinc-500">Choose a credential to edit these fields as a form.</p>}
        </div>
      )}
    </FieldFrame>
  );
}
