import { JumpCloudError } from "./errors";

export const filterOperators = ["eq", "ne", "gt", "ge", "lt", "le", "between", "search", "in"] as const;
export type FilterOperator = (typeof filterOperators)[number];

const FIELD = /^[A-Za-z_$][A-Za-z0-9_.$]*$/;
const OPERATORS: ReadonlySet<string> = new Set(filterOperators);

export const FILTER_SYNTAX =
  `use field:operator:value, e.g. status:eq:active or name:in:a|b (operators: ${filterOperators.join(", ")})`;
export const SORT_SYNTAX = "use a field name for ascending or -field for descending, e.g. name or -startedAt";

export interface ParsedFilter {
  field: string;
  operator: FilterOperator;
  value: string;
}

/** Splits on the first two colons only, so values such as timestamps may contain colons. */
export function parseFilter(filter: string, path = "options.filter"): ParsedFilter {
  const first = filter.indexOf(":");
  const second = first < 0 ? -1 : filter.indexOf(":", first + 1);
  const fail = (why: string): never => {
    throw new JumpCloudError({
      kind: "invalidFilter",
      message: `Invalid filter "${filter}" at ${path}: ${why}; ${FILTER_SYNTAX}.`,
      parameterPath: path,
    });
  };
  if (second < 0) return fail("it needs three parts separated by colons");
  const field = filter.slice(0, first).trim();
  const operator = filter.slice(first + 1, second).trim();
  const value = filter.slice(second + 1);
  if (!FIELD.test(field)) fail(`"${field}" is not a field name`);
  if (!OPERATORS.has(operator)) fail(`"${operator}" is not an operator`);
  if (value === "") fail("the value is missing");
  if (operator === "in" && value.split("|").some((v) => v === "")) fail("the in operator takes values separated by |");
  return { field, operator: operator as FilterOperator, value };
}

export function validateFilters(filters: readonly string[], path = "options.filter"): void {
  filters.forEach((filter, index) => parseFilter(filter, `${path}[${index}]`));
}

export function validateSort(sort: readonly string[], path = "options.sort"): void {
  sort.forEach((entry, index) => {
    const field = entry.startsWith("-") ? entry.slice(1) : entry;
    if (!FIELD.test(field)) {
      throw new JumpCloudError({
        kind: "invalidFilter",
        message: `Invalid sort "${entry}" at ${path}[${index}]: ${SORT_SYNTAX}.`,
        parameterPath: `${path}[${index}]`,
      });
    }
  });
}

export function validateFields(fields: readonly string[], path = "options.fields"): void {
  fields.forEach((field, index) => {
    if (!FIELD.test(field)) {
      throw new JumpCloudError({
        kind: "invalidParameters",
        message: `Invalid field name "${field}" at ${path}[${index}]: list field names such as id or name.`,
        parameterPath: `${path}[${index}]`,
      });
    }
  });
}
