import { describe, expect, it } from "vitest";
import { fieldsFromText, fieldsText, filterFromRows, filterRows, sortFromRows, sortRows } from "./option-rows";

describe("filter rows", () => {
  it("splits the guide's filters into field / operator / value and back unchanged", () => {
    const filters = ["status:eq:failed", "status:ne:success", "os:eq:windows", "name:search:Security Compliance Policy"];
    const rows = filterRows(filters);
    expect(rows[0]).toEqual({ kind: "condition", field: "status", operator: "eq", value: "failed" });
    expect(rows[3]).toEqual({ kind: "condition", field: "name", operator: "search", value: "Security Compliance Policy" });
    expect(filterFromRows(rows)).toEqual(filters);
  });

  it("keeps a value with colons and a templated value in one row", () => {
    expect(filterRows(["lastContact:gt:2024-01-01T00:00:00Z"])[0]).toMatchObject({ field: "lastContact", value: "2024-01-01T00:00:00Z" });
    expect(filterRows(["status:eq:{{ compliance_check.status_filter }}"])[0]).toMatchObject({ value: "{{ compliance_check.status_filter }}" });
    expect(filterFromRows(filterRows(["status:eq:{{ x }}"]))).toEqual(["status:eq:{{ x }}"]);
  });

  it("keeps a whole-template filter or an unknown operator as a raw row, unchanged", () => {
    expect(filterRows(["{{ filters }}"])).toEqual([{ kind: "raw", text: "{{ filters }}" }]);
    expect(filterRows("status:like:x")).toEqual([{ kind: "raw", text: "status:like:x" }]);
    expect(filterFromRows(filterRows(["{{ filters }}"]))).toEqual(["{{ filters }}"]);
  });

  it("accepts a single string, and leaves half-typed rows out of the options", () => {
    expect(filterRows("status:eq:active")).toHaveLength(1);
    expect(filterRows(undefined)).toEqual([]);
    expect(filterFromRows([{ kind: "condition", field: " ", operator: "eq", value: "" }, { kind: "raw", text: "" }])).toEqual([]);
  });
});

describe("sort rows", () => {
  it("reads -field as descending and writes it back", () => {
    expect(sortRows(["-timestamp", "name"])).toEqual([
      { field: "timestamp", direction: "desc" },
      { field: "name", direction: "asc" },
    ]);
    expect(sortFromRows(sortRows(["-timestamp", "name"]))).toEqual(["-timestamp", "name"]);
  });

  it("accepts the comma-separated wire form", () => {
    expect(sortFromRows(sortRows("name, -startedAt"))).toEqual(["name", "-startedAt"]);
    expect(sortFromRows([{ field: "", direction: "desc" }])).toEqual([]);
  });
});

describe("fields", () => {
  it("edits the list as comma-separated text", () => {
    expect(fieldsText(["id", "name"])).toBe("id, name");
    expect(fieldsFromText(" id, name ,,")).toEqual(["id", "name"]);
  });
});
