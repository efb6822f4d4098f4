"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import type { Locator, OperationDescription, ParameterSpec } from "@/lib/integrations/types";
import { readParameter, writeParameter } from "@/lib/node-configs/parameter-paths";
import { isPlainObject, type JsonObject, type JsonValue } from "@/lib/json/json-value";
import { useFieldContext, useFieldIssue } from "./field-context";
import { asText, FieldFrame, numberOrText, type FieldA11y, type FieldProps } from "./field-frame";
import { OptionsCollection } from "./options-collection";
import { DynamicFieldsEditor } from "./dynamic-fields-editor";
import { ExpressionInput } from "./expression-input";
import { ResourceLocator } from "./resource-locator";

function TextLikeField({ spec, path, parameters, onChange }: FieldProps) {
  const { readOnly } = useFieldContext();
  const value = readParameter(parameters, path);
  const text = asText(value);
  const set = (next: JsonValue | undefined) => onChange(writeParameter(parameters, path, next));
  return (
    <FieldFrame spec={spec} path={path} text={text}>
      {(a11y) => {
        const locator = spec.kind === "resourceLocator" ? locatorOf(spec, parameters, path) : undefined;
        if (locator) {
          return (
            <ResourceLocator
              id={a11y.id}
              a11y={a11y}
              label={spec.label}
              value={text}
              onChange={(t) => set(t === "" ? undefined : t)}
              locator={locator}
              {...(spec.placeholder ? { placeholder: spec.placeholder } : {})}
            />
          );
        }
        if (spec.kind === "boolean" && typeof value !== "string") {
          return (
            <input
              type="checkbox"
              className="size-4"
              checked={value === true}
              disabled={readOnly}
              onChange={(e) => set(e.target.checked ? true : undefined)}
              {...a11y}
            />
          );
        }
        if (spec.kind === "options") return <OptionsSelect spec={spec} text={text} set={set} a11y={a11y} />;
        if (spec.kind === "json") {
          return (
            <textarea
              className={`${controlClass} font-mono text-xs`}
              rows={3}
              defaultValue={value === undefined ? "" : JSON.stringify(value, null, 2)}
              readOnly={readOnly}
              onBlur={(e) => {
                try {
                  set(e.target.value.trim() === "" ? undefined : (JSON.parse(e.target.value) as JsonValue));
                } catch {
                  set(e.target.value);
                }
              }}
              {...a11y}
            />
          );
        }
        return (
          <ExpressionInput
            value={text}
            placeholder={spec.placeholder}
            inputMode={spec.kind === "number" ? "numeric" : undefined}
            onChange={(next) => set(spec.kind === "number" ? numberOrText(next) : next === "" ? undefined : next)}
            {...a11y}
          />
        );
      }}
    </FieldFrame>
  );
}

/** The locator of a resource-locator field: its own, or the one its sibling's value picks (an association's target type). */
function locatorOf(spec: ParameterSpec, parameters: JsonObject, path: readonly string[]): Locator | undefined {
  if (spec.locator) return spec.locator;
  if (!spec.locatorBy) return undefined;
  const sibling = readParameter(parameters, [...path.slice(0, -1), spec.locatorBy.sibling]);
  return typeof sibling === "string" ? spec.locatorBy.locators[sibling] : undefined;
}

const EXPRESSION = "\u0000expression";

/**
 * n8n's fixed/expression switch: a select of the listed values, or a text field for a `{{ template }}` (or a
 * value the list does not have, which the preview then reports).
 */
function OptionsSelect({ spec, text, set, a11y }: { spec: ParameterSpec; text: string; set: (value: JsonValue | undefined) => void; a11y: FieldA11y }) {
  const { readOnly } = useFieldContext();
  const listed = spec.options?.some((option) => option.value === text) ?? false;
  const [expression, setExpression] = useState(() => text !== "" && !listed);
  if (expression || (text !== "" && !listed)) {
    return (
      <div className="flex gap-2">
        <ExpressionInput className={`${controlClass} font-mono`} value={text} placeholder="{{ key }}" onChange={(next) => set(next === "" ? undefined : next)} {...a11y} />
        {!readOnly && (
          <Button
            variant="secondary"
            aria-label={`Choose ${spec.label} from the list`}
            onClick={() => {
              setExpression(false);
              set(undefined);
            }}
          >
            List
          </Button>
        )}
      </div>
    );
  }
  return (
    <select
      className={controlClass}
      value={text}
      disabled={readOnly}
      onChange={(e) => {
        if (e.target.value === EXPRESSION) setExpression(true);
        else set(e.target.value === "" ? undefined : e.target.value);
      }}
      {...a11y}
    >
      <option value="">(choose)</option>
      {spec.options?.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      <option value={EXPRESSION}>Expression {"{{ }}"}…</option>
    </select>
  );
}

/** targets: a multi-select of the registry's options (or a template that yields the list). */
function MultiOptionsField({ spec, path, parameters, onChange }: FieldProps) {
  const { readOnly } = useFieldContext();
  const value = readParameter(parameters, path);
  const set = (next: JsonValue | undefined) => onChange(writeParameter(parameters, path, next));
  if (typeof value === "string") return <TextLikeField spec={{ ...spec, kind: "text" }} path={path} parameters={parameters} onChange={onChange} />;
  const chosen = Array.isArray(value) ? value.map(String) : [];
  return (
    <FieldFrame spec={spec} path={path}>
      {(a11y) => (
        <div role="group" aria-labelledby={a11y.id} className="flex flex-wrap gap-3" id={a11y.id}>
          {spec.options?.map((option) => (
            <label key={option.value} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                disabled={readOnly}
                checked={chosen.includes(option.value)}
                onChange={(e) => set(e.target.checked ? [...chosen, option.value] : chosen.filter((c) => c !== option.value))}
              />
              {option.label}
            </label>
          ))}
        </div>
      )}
    </FieldFrame>
  );
}

function CollectionField({ spec, path, parameters, onChange }: FieldProps) {
  const value = readParameter(parameters, path);
  const issue = useFieldIssue(path.join("."));
  if (spec.name === "options") return <OptionsCollection spec={spec} path={path} parameters={parameters} onChange={onChange} />;
  if (value !== undefined && !isPlainObject(value)) {
    // A whole collection given as one template ({{ policy }}): edit it as text.
    return <TextLikeField spec={{ ...spec, kind: "text" }} path={path} parameters={parameters} onChange={onChange} />;
  }
  return (
    <fieldset className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-700" data-field={path.join(".")}>
      <legend className="px-1 text-sm font-medium">
        {spec.label}
        {spec.required && <span className="text-red-600"> *</span>}
      </legend>
      <p className="text-xs text-zinc-500">{spec.help}</p>
      {issue && !issue.path.includes(".") && <p className="text-xs font-medium text-red-600">{issue.message}</p>}
      {orderFields(spec.children ?? []).map((child) => (
        <ParameterField key={child.name} spec={child} path={[...path, child.name]} parameters={parameters} onChange={onChange} />
      ))}
    </fieldset>
  );
}

export function ParameterField(props: FieldProps) {
  switch (props.spec.kind) {
    case "dynamicFields":
      return <DynamicFieldsEditor {...props} />;
    case "collection":
      return <CollectionField {...props} />;
    case "multiOptions":
      return <MultiOptionsField {...props} />;
    default:
      return <TextLikeField {...props} />;
  }
}

/** Required fields first, otherwise the registry's order. */
export function orderFields(specs: readonly ParameterSpec[]): ParameterSpec[] {
  return [...specs.filter((s) => s.required), ...specs.filter((s) => !s.required)];
}

/** n8n's displayOptions: a field shows when its siblings hold one of the listed values. */
export function isShown(spec: ParameterSpec, siblings: JsonObject): boolean {
  if (!spec.showWhen) return true;
  return Object.entries(spec.showWhen).every(([name, allowed]) => allowed.includes(siblings[name] ?? false));
}

/** The form generated from the registry for one operation. */
export function ParameterForm({ op, parameters, onChange }: { op: OperationDescription; parameters: JsonObject; onChange: (parameters: JsonObject) => void }) {
  return (
    <div className="space-y-4" data-testid="parameter-form">
      {orderFields(op.parameters)
        .filter((spec) => isShown(spec, parameters))
        .map((spec) => (
          <ParameterField key={spec.name} spec={spec} path={[spec.name]} parameters={parameters} onChange={onChange} />
        ))}
    </div>
  );
}
