"use client";
import { useState, type ReactNode } from "react";
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

interface RowListProps<R> {
  testId: string;
  /** Names a row in its remove button: "Remove filter 2". */
  noun: string;
  value: JsonValue | undefined;
  write: (v: JsonValue | undefined) => void;
  toRows: (v: JsonValue | undefined) => R[];
  fromRows: (rows: R[]) => string[];
  /** The row the add button appends. */
  blank: R;
  addLabel: string;
  addDescribedBy?: string;
  /** A row's controls; `change` replaces the row. */
  children: (row: R, index: number, change: (next: R) => void) => ReactNode;
}

/**
 * Rows edited locally (a half-typed row has no value yet) but reset whenever the stored value changes from
 * elsewhere, e.g. the JSON tab or an import; each with its remove button, then the add button (read-only: neither).
 */
function RowList<R>({ testId, noun, value, write, toRows, fromRows, blank, addLabel, addDescribedBy, children }: RowListProps<R>) {
  const { readOnly } = useFieldContext();
  const [rows, setRows] = useState(() => toRows(value));
  // Rows with nothing typed yet serialize to nothing, so they survive; any other difference came from outside.
  if (JSON.stringify(fromRows(toRows(value))) !== JSON.stringify(fromRows(rows))) setRows(toRows(value));
  const update = (next: R[]) => {
    setRows(next);
    write(fromRows(next));
  };
  return (
    <div className="space-y-2" data-testid={testId}>
      {rows.map((row, index) => (
        <div key={index} className="flex gap-2">
          {children(row, index, (next) => update(rows.with(index, next)))}
          {!readOnly && (
            <Button variant="ghost" aria-label={`Remove ${noun} ${index + 1}`} onClick={() => update(rows.filter((_, i) => i !== index))}>
              ✕
            </Button>
          )}
        </div>
      ))}
      {!readOnly && (
        <Button variant="secondary" onClick={() => setRows([...rows, blank])} aria-describedby={addDescribedBy}>
          {addLabel}
        </Button>
      )}
    </div>
  );
}

/** The field and value placeholders of a filter row, from the operation's example filter (a field its records have). */
function filterPlaceholders(example: string | undefined): { field: string; value: string } {
  const [field = "name", , ...value] = (example ?? "").split(":");
  return { field, value: value.join(":") || "value" };
}

function FilterRows({ path, value, write, example }: { path: string; value: JsonValue | undefined; write: (v: JsonValue | undefined) => void; example: string | undefined }) {
  const placeholder = filterPlaceholders(example);
  const { readOnly } = useFieldContext();
  return (
    <RowList<FilterRow>
      testId="filter-rows"
      noun="filter"
      value={value}
      write={write}
      toRows={filterRows}
      fromRows={filterFromRows}
      blank={{ kind: "condition", field: "", operator: "eq", value: "" }}
      addLabel="Add filter"
      addDescribedBy={`${path}-help`}
    >
      {(row, index, change) =>
        row.kind === "raw" ? (
          <input className={`${controlClass} font-mono`} aria-label={`Filter ${index + 1}`} value={row.text} readOnly={readOnly} onChange={(e) => change({ kind: "raw", text: e.target.value })} />
        ) : (
          <>
            <input className={controlClass} aria-label={`Filter ${index + 1} field`} placeholder={placeholder.field} value={row.field} readOnly={readOnly} onChange={(e) => change({ ...row, field: e.target.value })} />
            <select className={`${controlClass} w-28`} aria-label={`Filter ${index + 1} operator`} value={row.operator} disabled={readOnly} onChange={(e) => change({ ...row, operator: e.target.value })}>
              {FILTER_OPERATORS.map((op) => (
                <option key={op}>{op}</option>
              ))}
            </select>
            <input className={controlClass} aria-label={`Filter ${index + 1} value`} placeholder={placeholder.value} value={row.value} readOnly={readOnly} onChange={(e) => change({ ...row, value: e.target.value })} />
          </>
        )
      }
    </RowList>
  );
}

function SortRowsEditor({ value, write }: { value: JsonValue | undefined; write: (v: JsonValue | undefined) => void }) {
  const { readOnly } = useFieldContext();
  return (
    <RowList<SortRow> testId="sort-rows" noun="sort" value={value} write={write} toRows={sortRows} fromRows={sortFromRows} blank={{ field: "", direction: "asc" }} addLabel="Add sort field">
      {(row, index, change) => (
        <>
          <input className={controlClass} aria-label={`Sort ${index + 1} field`} placeholder="name" value={row.field} readOnly={readOnly} onChange={(e) => change({ ...row, field: e.target.value })} />
          <select
            className={`${controlClass} w-36`}
            aria-label={`Sort ${index + 1} direction`}
            value={row.direction}
            disabled={readOnly}
            onChange={(e) => change({ ...row, direction: e.target.value as SortRow["direction"] })}
          >
            <option value="asc">Ascending</option>
            <option value="desc">Descending</option>
          </select>
        </>
      )}
    </RowList>
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
