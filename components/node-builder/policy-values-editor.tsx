"use client";
import { useQuery } from "@tanstack/react-query";
import { listResourceOptions } from "@/app/actions/list-resource-options";
import { controlClass } from "@/components/ui/field";
import type { TemplateConfigField } from "@/lib/node-configs/resource-options";
import { readParameter, writeParameter } from "@/lib/node-configs/parameter-paths";
import { isPlainObject, type JsonObject, type JsonValue } from "@/lib/nodes/json-value";
import { hasTemplate } from "@/lib/nodes/templates";
import { useFieldContext } from "./field-context";
import { asText, FieldFrame, numberOrText, type FieldProps } from "./field-frame";

function templateKey(template: JsonValue | undefined): string | undefined {
  if (typeof template === "string") return template.trim() === "" || hasTemplate(template) ? undefined : template.trim();
  if (isPlainObject(template)) return typeof template.id === "string" ? template.id : typeof template.name === "string" ? template.name : undefined;
  return undefined;
}

function ConfigFieldInput({ field, value, onChange }: { field: TemplateConfigField; value: JsonValue | undefined; onChange: (v: JsonValue | undefined) => void }) {
  const { readOnly } = useFieldContext();
  const label = `${field.label} (${field.name})`;
  const placeholder = field.defaultValue === null || field.defaultValue === undefined ? "" : `default: ${JSON.stringify(field.defaultValue)}`;
  if (field.displayType === "checkbox" && typeof value !== "string") {
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
      {field.displayType === "select" ? (
        <select className={controlClass} aria-label={label} disabled={readOnly} value={asText(value)} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}>
          <option value="">{placeholder || "(template default)"}</option>
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
          inputMode={field.displayType === "number" ? "numeric" : undefined}
          value={asText(value)}
          onChange={(e) => onChange(field.displayType === "number" ? numberOrText(e.target.value) : e.target.value === "" ? undefined : e.target.value)}
        />
      )}
    </label>
  );
}

/**
 * policyData.values: once a template is chosen, its config fields (read through the credential) as typed
 * inputs, stored by config field name; otherwise the values as JSON.
 */
export function PolicyValuesEditor({ spec, path, parameters, onChange }: FieldProps) {
  const { credentialId, xOrgId, readOnly } = useFieldContext();
  const template = templateKey(readParameter(parameters, [path[0]!, "template"]));
  const value = readParameter(parameters, path);
  const details = useQuery({
    queryKey: ["policy-template", credentialId ?? "", template ?? "", xOrgId ?? ""],
    enabled: credentialId !== undefined && template !== undefined,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const result = await listResourceOptions({
        credentialId: credentialId!,
        resource: "policyTemplate",
        operation: "list",
        templateId: template!,
        ...(xOrgId && !hasTemplate(xOrgId) ? { xOrgId } : {}),
      });
      if (!result.ok) throw new Error(result.error.message);
      if (result.data.kind !== "template") throw new Error("Unexpected answer");
      return result.data.template;
    },
  });

  const byName = isPlainObject(value) ? value : undefined;
  const setField = (name: string, next: JsonValue | undefined) => onChange(writeParameter(parameters, [...path, name], next));

  return (
    <FieldFrame spec={spec} path={path}>
      {(a11y) => (
        <div className="space-y-2" id={a11y.id}>
          {details.data && (value === undefined || byName) ? (
            <div className="grid gap-3 rounded-md border border-zinc-200 p-3 sm:grid-cols-2 dark:border-zinc-700" data-testid="template-fields">
              <p className="text-xs text-zinc-500 sm:col-span-2">
                Config fields of {details.data.displayName}; empty fields take the template&apos;s default.
              </p>
              {details.data.configFields.map((field) => (
                <ConfigFieldInput key={field.id} field={field} value={byName?.[field.name]} onChange={(v) => setField(field.name, v)} />
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
          {details.isFetching && <p className="text-xs text-zinc-500">Loading the template&apos;s config fields…</p>}
          {details.isError && <p className="text-xs text-amber-700">{details.error.message}</p>}
          {!credentialId && template && <p className="text-xs text-zinc-500">Choose a credential to edit the template&apos;s config fields as a form.</p>}
        </div>
      )}
    </FieldFrame>
  );
}
