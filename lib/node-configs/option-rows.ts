// The Options collection as editable rows (filter: field / operator / value; sort: field / direction) and back.
// Browser-safe. A value the rows cannot represent (e.g. a whole `{{ template }}`) stays a raw row, unchanged.
import type { JsonValue } from "@/lib/json/json-value";

export const FILTER_OPERATORS = ["eq", "ne", "gt", "ge", "lt", "le", "between", "search", "in"] as const;

export type FilterRow =
  | { kind: "condition"; field: string; operator: string; value: string }
  | { kind: "raw"; text: string };

export interface SortRow {
  field: string;
  direction: "asc" | "desc";
}

const CONDITION = /^([^:{}]+):([a-z]+):(.*)$/s;

/** filter accepts a string or a list of strings (the registry's stringList). */
function asList(value: JsonValue | undefined): string[] {
  if (value === undefined || value === null || value === "") return [];
  if (Array.isArray(value)) return value.map((item) => (typeof item === "string" ? item : JSON.stringify(item)));
  return [typeof value === "string" ? value : JSON.stringify(value)];
}

export function filterRows(filter: JsonValue | undefined): FilterRow[] {
  return asList(filter).map((text) => {
    const match = CONDITION.exec(text);
    return match && (FILTER_OPERATORS as readonly string[]).includes(match[2]!)
      ? { kind: "condition", field: match[1]!, operator: match[2]!, value: match[3]! }
      : { kind: "raw", text };
  });
}

/** Rows back to the filter list; rows with no field yet are left out so a half-typed row never runs. */
export function filterFromRows(rows: readonly FilterRow[]): string[] {
  return rows.flatMap((row) => {
    if (row.kind === "raw") return row.text.trim() === "" ? [] : [row.text];
    return row.field.trim() === "" ? [] : [`${row.field.trim()}:${row.operator}:${row.value}`];
  });
}

/** sort is a list or a comma-separated string; `-field` sorts descending. */
export function sortRows(sort: JsonValue | undefined): SortRow[] {
  return asList(sort)
    .flatMap((entry) => entry.split(","))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => (entry.startsWith("-") ? { field: entry.slice(1), direction: "desc" } : { field: entry, direction: "asc" }));
}

export function sortFromRows(rows: readonly SortRow[]): string[] {
  return rows.filter((row) => row.field.trim() !== "").map((row) => `${row.direction === "desc" ? "-" : ""}${row.field.trim()}`);
}

/** fields: a list or a comma-separated string, edited as one comma-separated text. */
export function fieldsText(fields: JsonValue | undefined): string {
  return asList(fields).join(", ");
}

export function fieldsFromText(text: string): string[] {
  return text
    .split(",")
    .map((field) => field.trim())
    .filter((field) => field !== "");
}
