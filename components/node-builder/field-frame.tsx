"use client";
import { useId, type ReactNode } from "react";
import type { ParameterSpec } from "@/lib/integrations/types";
import type { JsonObject, JsonValue } from "@/lib/json/json-value";
import { useFieldIssue } from "./field-context";
import { TemplatePreview } from "./template-preview";

export interface FieldProps {
  spec: ParameterSpec;
  path: string[];
  parameters: JsonObject;
  onChange: (parameters: JsonObject) => void;
}

/** A value as the text a user edits: strings as they are, anything else as JSON. */
export const asText = (value: JsonValue | undefined) => (value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value));

/** A typed number when the text is one, else the text itself (a `{{ template }}`). */
export const numberOrText = (text: string): JsonValue | undefined => (text.trim() === "" ? undefined : /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text);

/** What a control needs to be labelled and described by its frame. */
export interface FieldA11y {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
}

const dotted = (path: readonly string[]) => path.join(".");

/** Label, help, located issue and template preview around one control. */
export function FieldFrame({ spec, path, text, children }: { spec: ParameterSpec; path: string[]; text?: string; children: (a11y: FieldA11y) => ReactNode }) {
  const id = useId();
  const issue = useFieldIssue(dotted(path));
  return (
    <div className="space-y-1" data-field={dotted(path)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {spec.label}
        {spec.required && <span className="text-red-600"> *</span>}
        <span aria-hidden className="ml-2 font-mono text-xs font-normal text-zinc-500 dark:text-zinc-400">
          {spec.name}
        </span>
      </label>
      {children({ id, "aria-invalid": issue?.severity === "error", "aria-describedby": `${id}-help` })}
      {text !== undefined && <TemplatePreview text={text} path={dotted(path)} />}
      <p id={`${id}-help`} className="text-xs text-zinc-500 dark:text-zinc-400">
        {spec.help}
      </p>
      {issue && (
        <p className={issue.severity === "error" ? "text-xs font-medium text-red-600 dark:text-red-400" : "text-xs text-amber-700 dark:text-amber-300"} data-testid="field-issue">
          {issue.message}
        </p>
      )}
    </div>
  );
}

