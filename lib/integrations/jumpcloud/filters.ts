// JumpCloud's list syntax: filters `field:operator:value`, sorts `field`/`-field`, field names. Each check returns
// the problem in words, or nothing; the parameter schemas report it at the entry's path. Browser-safe.
export const filterOperators = ["eq", "ne", "gt", "ge", "lt", "le", "between", "search", "in"] as const;
export type FilterOperator = (typeof filterOperators)[number];

const FIELD = /^[A-Za-z_$][A-Za-z0-9_.$]*$/;
const OPERATORS: ReadonlySet<string> = new Set(filterOperators);

export const FILTER_SYNTAX =
  `use field:operator:value, e.g. state:eq:failed or name:in:a|b (operators: ${filterOperators.join(", ")})`;
export const SORT_SYNTAX = "use a field name for ascending or -field for descending, e.g. name or -startedAt";

export interface ParsedFilter {
  field: string;
  operator: FilterOperator;
  value: string;
}

/** Splits on the first two colons only, so values such as timestamps may contain colons. */
export function parseFilter(filter: string): ParsedFilter | { problem: string } {
  const first = filter.indexOf(":");
  const second = first < 0 ? -1 : filter.indexOf(":", first + 1);
  // The entry itself is not echoed: it is located by its path, and a pasted secret must not travel back in a message.
  const fail = (why: string) => ({ problem: `invalid filter: ${why}; ${FILTER_SYNTAX}` });
  if (second < 0) return fail("it needs three parts separated by colons");
  const field = filter.slice(0, first).trim();
  const operator = filter.slice(first + 1, second).trim();
  const value = filter.slice(second + 1);
  if (!FIELD.test(field)) return fail("the part before the first colon is not a field name");
  if (!OPERATORS.has(operator)) return fail(`"${operator}" is not an operator`);
  if (value === "") return fail("the value is missing");
  if (operator === "in" && value.split("|").some((v) => v === "")) return fail("the in operator takes values separated by |");
  return { field, operator: operator as FilterOperator, value };
}

export function checkFilter(filter: string): string | undefined {
  const parsed = parseFilter(filter);
  return "problem" in parsed ? parsed.problem : undefined;
}

export function checkSort(entry: string): string | undefined {
  const field = entry.startsWith("-") ? entry.slice(1) : entry;
  return FIELD.test(field) ? undefined : `invalid sort: ${SORT_SYNTAX}`;
}

export function checkField(field: string): string | undefined {
  return FIELD.test(field) ? undefined : "invalid field name: list field names such as id or name";
}
