import { describe, expect, it } from "vitest";
import { checkField, checkFilter, checkSort, parseFilter } from "./filters";

describe("filters", () => {
  it("accepts every documented operator and keeps colons inside the value", () => {
    for (const op of ["eq", "ne", "gt", "ge", "lt", "le", "between", "search", "in"]) {
      expect(parseFilter(`name:${op}:x`)).toMatchObject({ operator: op });
    }
    expect(parseFilter("startedAt:gt:2024-07-24T12:00:01Z")).toEqual({ field: "startedAt", operator: "gt", value: "2024-07-24T12:00:01Z" });
    expect(parseFilter("state:in:failed|pending")).toMatchObject({ value: "failed|pending" });
  });

  it("explains the correct syntax when a filter is malformed", () => {
    const problem = checkFilter("status=failed");
    expect(problem).toContain("field:operator:value");
    expect(problem).toContain("eq, ne, gt, ge, lt, le, between, search, in");
    expect(checkFilter("name:equals:x")).toContain('"equals" is not an operator');
    expect(checkFilter("name:eq:")).toContain("value is missing");
    expect(checkFilter("state:in:a||b")).toContain("|");
    expect(checkFilter("name:eq:ok")).toBeUndefined();
  });

  it("validates sorts (field ascending, -field descending) and field names", () => {
    expect(checkSort("name")).toBeUndefined();
    expect(checkSort("-startedAt")).toBeUndefined();
    expect(checkSort("--startedAt")).toContain("-field for descending");
    expect(checkField("template.name")).toBeUndefined();
    expect(checkField("na me")).toContain("field names such as id or name");
  });
});
