import { describe, expect, it } from "vitest";
import { closestFields, findFieldWarnings, RESULT_OBJECT_FIELDS } from "./field-warnings";

describe("findFieldWarnings", () => {
  it("warns about the guide's status and timestamp on policy results, naming the real fields", () => {
    const warnings = findFieldWarnings("policyResult", { options: { filter: ["status:ne:success"], sort: ["-timestamp"] } });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ path: "options.filter[0]", severity: "warning" });
    expect(warnings[0]!.message).toContain('"status"');
    expect(warnings[0]!.message).toContain("state, success");
    expect(warnings[1]).toMatchObject({ path: "options.sort[0]", severity: "warning" });
    expect(warnings[1]!.message).toContain("startedAt");
    expect(warnings[1]!.message).toContain("sent as written");
  });

  it("treats policy statuses as policy results", () => {
    expect(findFieldWarnings("policyStatus", { options: { filter: ["status:eq:failed"] } })).toHaveLength(1);
  });

  it("accepts real fields, descending sorts, nested fields and comma lists", () => {
    expect(
      findFieldWarnings("policyResult", { options: { filter: ["success:eq:false", "startedAt:gt:2024-01-01T00:00:00Z"], sort: ["-startedAt,state"], fields: "id,policyID" } }),
    ).toEqual([]);
    expect(findFieldWarnings("policy", { options: { filter: ["template.name:eq:x"], sort: ["name"] } })).toEqual([]);
  });

  it("points out case mistakes", () => {
    const [warning] = findFieldWarnings("policyResult", { options: { fields: ["systemId"] } });
    expect(warning!.message).toContain("closest: systemID");
  });

  it("lists the known fields when nothing is close", () => {
    const [warning] = findFieldWarnings("policyTraversal", { options: { filter: ["os:eq:windows"] } });
    expect(warning!.path).toBe("options.filter[0]");
    expect(warning!.message).toContain(RESULT_OBJECT_FIELDS.GraphObjectWithPaths.join(", "));
  });

  it("offers a fix that swaps in the closest field and keeps the rest of the entry", () => {
    const warnings = findFieldWarnings("policyResult", { options: { filter: ["status:eq:failed"], sort: "-timestamp, state", fields: ["systemId"] } });
    expect(warnings.map((w) => [w.path, w.fix])).toEqual([
      ["options.filter[0]", { label: "Use state", value: "state:eq:failed" }],
      ["options.sort", { label: "Use startedAt", value: "-startedAt, state" }],
      ["options.fields[0]", { label: "Use systemID", value: "systemID" }],
    ]);
    expect(warnings.every((w) => w.code === "unknownField" && w.severity === "warning")).toBe(true);
  });

  it("turns unknown fields into errors in strict mode", () => {
    const [strict] = findFieldWarnings("policyStatus", { options: { filter: ["status:eq:failed"], strict: true } });
    expect(strict).toMatchObject({ severity: "error", code: "unknownField" });
    expect(strict!.message).toContain("Strict mode refuses unknown fields");
    expect(findFieldWarnings("policyStatus", { options: { filter: ["status:eq:failed"], strict: "true" } })[0]!.severity).toBe("error");
  });

  it("warns that JumpCloud splits a filter value at a comma", () => {
    const [comma] = findFieldWarnings("policy", { options: { filter: ["name:eq:Finance, Windows"] } });
    expect(comma).toMatchObject({ path: "options.filter[0]", severity: "warning", code: "commaInFilter" });
    expect(findFieldWarnings("policy", { options: { filter: ["name:in:a|b"] } })).toEqual([]);
  });

  it("flags relative words where a date-time is compared, and accepts ISO instants", () => {
    const [relative] = findFieldWarnings("policyResult", { options: { filter: ["startedAt:gt:last_week"] } });
    expect(relative).toMatchObject({ path: "options.filter[0]", code: "notADate" });
    expect(relative!.message).toContain("$daysAgo(7)");
    expect(findFieldWarnings("policyResult", { options: { filter: ["endedAt:between:2026-10-01|yesterday"] } })).toMatchObject([{ code: "notADate" }]);
    expect(
      findFieldWarnings("policyResult", { options: { filter: ["startedAt:gt:2026-11-13T00:00:00.000Z", "endedAt:between:2026-10-01T00:00:00Z|2026-10-31"] } }),
    ).toEqual([]);
  });

  it("ignores operations without list options", () => {
    expect(findFieldWarnings("policy", { policyData: { name: "x" } })).toEqual([]);
    expect(findFieldWarnings("unknown", { options: { filter: ["x:eq:y"] } })).toEqual([]);
  });
});

describe("closestFields", () => {
  it("suggests near misses", () => {
    expect(closestFields("nmae", ["id", "name", "template"])).toEqual(["name"]);
    expect(closestFields("osFamily", RESULT_OBJECT_FIELDS.PolicyTemplate)).toEqual([]);
    expect(closestFields("os", RESULT_OBJECT_FIELDS.PolicyTemplate)).toEqual(["osMetaFamily"]);
  });
});
