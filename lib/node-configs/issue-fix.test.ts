import { describe, expect, it } from "vitest";
import type { Issue } from "@/lib/errors/app-error";
import { applyIssueFix } from "./issue-fix";

const issue = (path: string, value: string): Issue => ({ path, message: "m", severity: "warning", code: "unknownField", fix: { label: "Use state", value } });

describe("applyIssueFix", () => {
  it("writes the suggested value where the node holds the flagged literal, leaving the rest as it was", () => {
    const parameters = { options: { filter: ["status:ne:success", "success:eq:false"], sort: "-timestamp,state" }, returnAll: true };
    expect(applyIssueFix(parameters, issue("options.filter[0]", "state:ne:success"))).toEqual({
      options: { filter: ["state:ne:success", "success:eq:false"], sort: "-timestamp,state" },
      returnAll: true,
    });
    expect(applyIssueFix(parameters, issue("options.sort", "-startedAt,state"))).toMatchObject({ options: { sort: "-startedAt,state" } });
    expect(parameters.options.filter[0]).toBe("status:ne:success");
  });

  it("does nothing where the value comes from a template or the input, or there is no fix", () => {
    expect(applyIssueFix({ options: { filter: ["{{ f }}"] } }, issue("options.filter[0]", "state:eq:x"))).toBeUndefined();
    expect(applyIssueFix({}, issue("options.filter[0]", "state:eq:x"))).toBeUndefined();
    expect(applyIssueFix({ options: { filter: ["status:eq:x"] } }, { path: "options.filter[0]", message: "m", severity: "warning" })).toBeUndefined();
  });
});
