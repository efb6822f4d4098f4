import { describe, expect, it } from "vitest";
import { readParameter, writeParameter } from "./parameter-paths";

describe("form writes into the parameter object", () => {
  it("sets nested values without touching the original", () => {
    const before = { policyId: "5f4d7c8e9a1b2c3d4e5f6789" };
    const after = writeParameter(before, ["associationData", "op"], "add");
    expect(after).toEqual({ policyId: "5f4d7c8e9a1b2c3d4e5f6789", associationData: { op: "add" } });
    expect(before).toEqual({ policyId: "5f4d7c8e9a1b2c3d4e5f6789" });
    expect(readParameter(after, ["associationData", "op"])).toBe("add");
  });

  it("removes cleared fields and the collections they leave empty, so the JSON stays as written", () => {
    const params = { systemId: "{{system_id}}", options: { filter: ["status:eq:failed"], limit: 50 } };
    const noFilter = writeParameter(params, ["options", "filter"], []);
    expect(noFilter).toEqual({ systemId: "{{system_id}}", options: { limit: 50 } });
    expect(writeParameter(noFilter, ["options", "limit"], undefined)).toEqual({ systemId: "{{system_id}}" });
    expect(writeParameter(params, ["systemId"], "")).not.toHaveProperty("systemId");
  });

  it("keeps false and 0, which are values", () => {
    expect(writeParameter({}, ["options", "skip"], 0)).toEqual({ options: { skip: 0 } });
    expect(writeParameter({}, ["returnAll"], false)).toEqual({ returnAll: false });
  });

  it("reads missing paths as undefined, including through non-objects", () => {
    expect(readParameter({ a: "x" }, ["a", "b"])).toBeUndefined();
    expect(readParameter({}, ["constructor"])).toBeUndefined();
  });
});
