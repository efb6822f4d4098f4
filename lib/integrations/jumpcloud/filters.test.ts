import { describe, expect, it } from "vitest";
import { parseFilter, validateFilters, validateSort } from "./filters";
import { JumpCloudError } from "./errors";

function failure(run: () => unknown): JumpCloudError {
  try {
    run();
  } catch (error) {
    if (error instanceof JumpCloudError) return error;
    throw error;
  }
  throw new Error("expected a JumpCloudError");
}

describe("filters", () => {
  it("accepts every documented operator and keeps colons inside the value", () => {
    for (const op of ["eq", "ne", "gt", "ge", "lt", "le", "between", "search", "in"]) {
      expect(parseFilter(`name:${op}:x`).operator).toBe(op);
    }
    expect(parseFilter("startedAt:gt:2024-07-24T12:00:01Z")).toEqual({ field: "startedAt", operator: "gt", value: "2024-07-24T12:00:01Z" });
    expect(parseFilter("state:in:failed|pending").value).toBe("failed|pending");
  });

  it("explains the correct syntax when a filter is malformed, naming the parameter path", () => {
    const error = failure(() => validateFilters(["name:eq:ok", "status=failed"]));
    expect(error.kind).toBe("invalidFilter");
    expect(error.parameterPath).toBe("options.filter[1]");
    expect(error.message).toContain("field:operator:value");
    expect(error.message).toContain("eq, ne, gt, ge, lt, le, between, search, in");
    expect(error.guidance).toContain("field:operator:value");
    expect(failure(() => parseFilter("name:equals:x")).message).toContain('"equals" is not an operator');
    expect(failure(() => parseFilter("name:eq:")).message).toContain("value is missing");
    expect(failure(() => parseFilter("state:in:a||b")).message).toContain("|");
  });

  it("validates sorts: field ascending, -field descending", () => {
    expect(() => validateSort(["name", "-startedAt"])).not.toThrow();
    const error = failure(() => validateSort(["name", "--startedAt"]));
    expect(error.kind).toBe("invalidFilter");
    expect(error.message).toContain("-field for descending");
  });
});
