"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import {
  FILTER_OPERATORS,
  fieldsFromText,
  fieldsText,
  filterFromRows,
  filterRows,
  sortFromRows,
  sortRows,
  type FilterRow,
  type SortRow,
} from "@/lib/node-configs/option-rows";
import { readParameter, writeParameter } from "@/lib/node-configs/parameter-paths";
import { isPlainObject, type JsonObject, type JsonValue } from "@/lib/json/json-value";
import { useFieldContext, useFieldIssue } from "./field-context";
import { FieldFrame, numberOrText, asText, type FieldProps } from "./field-frame";

/**
 * Rows edited locally (a half-typed row has no value yet) but reset whenever the stored value changes from
 * elsewhere, e.g. the JSON tab or an import.
 */
function useRows<R>(value: JsonValue | undefined, toRows: (v: JsonValue | undefined) => R[], fromRows: (rows: R[]) => string[]) {
  const [rows, setRows] = useState(() => toRows(value));
  // Rows with nothing typed yet serialize to nothing, so they survive; any other difference came from outside.
  if (JSON.stringify(fromRows(toRows(value))) !== JSON.stringify(fromRows(rows))) setRows(toRows(value));
  return [rows, setRows] as const;
}

/** The field and value placeholders of a filter row, from the operation's example filter (a field its records have). */
function filterPlaceholders(example: string | undefined): { field: string; value: string } {
  const [field = "name", , ...value] = (example ?? "").split(":");
  return { field, value: value.join(":") || "value" };
}

function FilterRows({ path, value, write, example }: { path: string; value: JsonValue | undefined; write: (v: JsonValue | undefined) => void; example: string | undefined }) {
  const placeholder = filterPlaceholders(example);
  const { readOnly } = useFieldContext();
  const [rows, setRows] = useRows<FilterRow>(value, filterRows, filterFromRows);
  const update = (next: FilterRow[]) => {
    setRows(next);
    write(filterFromRows(next));
  };
  return (
    <div className="space-y-2" data-testid="filter-rows">
      {rows.map((row, index) => (
        <div key={index} className="flex gap-2">
          {row.kind === "raw" ? (
            <input className={`${controlClass} font-mono`} aria-label={`Filter ${index + 1}`} value={row.text} readOnly={readOnly} onChange={(e) => update(rows.with(index, { kind: "raw", text: e.target.value }))} />
          ) : (
            <>
              <input className={controlClass} aria-label={`Filter ${index + 1} field`} placeholder={placeholder.field} value={row.field} readOnly={readOnly} onChange={(e) => update(rows.with(index, { ...row, field: e.target.value }))} />
              <select className={`${controlClass} w-28`} aria-label={`Filter ${index + 1} operator`} value={row.operator} disabled={readOnly} onChange={(e) => update(rows.with(index, { ...row, operator: e.target.value }))}>
                {FILTER_OPERATORS.map((op) => (
                  <option key={op}>{op}</option>
                ))}
              </select>
              <input className={controlClass} aria-label={`Filter ${index + 1} value`} placeholder={placeholder.value} value={row.value} readOnly={readOnly} onChange={(e) => update(rows.with(index, { ...row, value: e.target.value }))} />
            </>
          )}
          {!readOnly && (
            <Button variant="ghost" aria-label={`Remove filter ${index + 1}`} onClick={() => update(rows.filter((_, i) => i !== index))}>
              ✕
            </Button>
          )}
        </div>
      ))}
      {!readOnly && (
        <Button variant="secondary" onClick={() => setRows([...rows, { kind: "condition", field: "", operator: "eq", value: "" }])} aria-describedby={`${path}-help`}>
          Add filter
        </Button>
      )}
    </div>
  );
}

function SortRowsEditor({ value, write }: { value: JsonValue | undefined; write: (v: JsonValue | undefined) => void }) {
  const { readOnly } = useFieldContext();
  const [rows, setRows] = useRows<SortRow>(value, sortRows, sortFromRows);
  const update = (next: SortRow[]) => {
    setRows(next);
    write(sortFromRows(next));
  };
  return (
    <div className="space-y-2" data-testid="sort-rows">
      {rows.map((row, index) => (
        <div key={index} className="flex gap-2">
          <input className={controlClass} aria-label={`Sort ${index + 1} field`} placeholder="name" value={row.field} readOnly={readOnly} onChange={(e) => update(rows.with(index, { ...row, field: e.target.value }))} />
          <select
            className={`${controlClass} w-36`}
            aria-label={`Sort ${index + 1} direction`}
            value={row.direction}
            disabled={readOnly}
            onChange={(e) => update(rows.with(index, { ...row, direction: e.target.value as SortRow["direction"] }))}
          >
            <option value="asc">Ascending</option>
            <option value="desc">Descending</option>
          </select>
          {!readOnly && (
            <Button variant="ghost" aria-label={`Remove sort ${index + 1}`} onClick={() => update(rows.filter((_, i) => i !== index))}>
              ✕
            </Button>
          )}
        </div>
      ))}
      {!readOnly && (
        <Button variant="secondary" onClick={() => setRows([...rows, { field: "", direction: "asc" }])}>
          Add sort field
        </Button>
      )}
    </div>
  );
}

function OptionControl({ spec, path, parameters, onChange }: FieldProps) {
  const { readOnly } = useFieldContext();
  const value = readParameter(parameters, path);
  const write = (next: JsonValue | undefined) => onChange(writeParameter(parameters, path, next));
  const key = path.join(".");
  return (
    <FieldFrame spec={spec} path={path} {...(spec.name === "limit" || spec.name === "skip" ? { text: asText(value) } : {})}>
      {(a11y) => {
        switch (spec.name) {
          case "filter":
            return <FilterRows path={key} value={value} write={write} example={spec.placeholder} />;
          case "sort":
            return <SortRowsEditor value={value} write={write} />;
          case "fields":
            return <input className={controlClass} placeholder="id, name" value={fieldsText(value)} readOnly={readOnly} onChange={(e) => write(fieldsFromText(e.target.value))} {...a11y} />;
          case "returnAll":
          case "strict":
            return <input type="checkbox" className="size-4" checked={value === true} disabled={readOnly} onChange={(e) => write(e.target.checked ? true : undefined)} {...a11y} />;
          default:
            return <input className={controlClass} inputMode="numeric" value={asText(value)} readOnly={readOnly} onChange={(e) => write(numberOrText(e.target.value))} {...a11y} />;
        }
      }}
    </FieldFrame>
  );
}

/** n8n's "Add option" collection, limited to the list options the operation supports. */
export function OptionsCollection({ spec, path, parameters, onChange }: FieldProps) {
  const { readOnly } = useFieldContext();
  const issue = useFieldIssue(path.join("."));
  const value = readParameter(parameters, path);
  const options: JsonObject = isPlainObject(value) ? value : {};
  const [added, setAdded] = useState<string[]>([]);
  const returnAll = parameters.returnAll === true || options.returnAll === true;
  const children = (spec.children ?? []).filter((child) => !(child.name === "limit" && returnAll));
  const shown = children.filter((child) => Object.hasOwn(options, child.name) || added.includes(child.name));
  const addable = children.filter((child) => !shown.includes(child) && child.name !== "returnAll");

  return (
    <fieldset className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-700" data-field="options">
      <legend className="px-1 text-sm font-medium">{spec.label}</legend>
      <p className="text-xs text-zinc-500">{spec.help}</p>
      {issue && issue.path === "options" && <p className="text-xs font-medium text-red-600">{issue.message}</p>}
      {shown.map((child) => (
        <div key={child.name} className="flex items-start gap-2">
          <div className="flex-1">
            <OptionControl spec={child} path={[...path, child.name]} parameters={parameters} onChange={onChange} />
          </div>
          {!readOnly && (
            <Button
              variant="ghost"
              aria-label={`Remove option ${child.label}`}
              onClick={() => {
                setAdded(added.filter((name) => name !== child.name));
                onChange(writeParameter(parameters, [...path, child.name], undefined));
              }}
            >
              ✕
            </Button>
          )}
        </div>
      ))}
      {!readOnly && addable.length > 0 && (
        <select
          className={`${controlClass} w-48`}
          aria-label="Add option"
          value=""
          onChange={(e) => {
            const name = e.target.value;
            if (!name) return;
            setAdded([...added, name]);
            const child = children.find((c) => c.name === name);
            if (child?.default !== undefined && (name === "limit" || name === "skip")) onChange(writeParameter(parameters, [...path, name], child.default as JsonValue));
          }}
        >
          <option value="">Add option…</option>
          {addable.map((child) => (
            <option key={child.name} value={child.name}>
              {child.label}
            </option>
          ))}
        </select>
      )}
    </fieldset>
  );
}
