import { describe, expect, it } from "vitest";
import { alertRulesSchema, complianceRate, matchAlertRules } from "./alert-rules";

const outcome = { status: "success" as const, passing: 90, failing: 8, pending: 2, unknown: 5, newFailures: 3 };

describe("alert rules", () => {
  it("computes the rate over known states: unknown pairs neither pass nor count against", () => {
    expect(complianceRate(outcome)).toBe(90);
    expect(complianceRate({ passing: 0, failing: 0, pending: 0 })).toBeNull();
  });

  it("matches each rule on what the snapshot found, with a message to send", () => {
    const rules = alertRulesSchema.parse([{ type: "complianceBelow", percent: 95 }, { type: "newFailures", atLeast: 3 }, { type: "snapshotFailed" }]);
    expect(matchAlertRules(rules, outcome).map((m) => m.message)).toEqual(["Compliance is 90.0%, below 95%.", "3 pair(s) started failing."]);
    expect(matchAlertRules(rules, { ...outcome, status: "partial", newFailures: 2, passing: 99, failing: 1, pending: 0 }).map((m) => m.rule.type)).toEqual(["snapshotFailed"]);
    // No known pair: no rate to be below.
    expect(matchAlertRules(rules, { status: "failed", passing: 0, failing: 0, pending: 0, unknown: 40, newFailures: 0 }).map((m) => m.rule.type)).toEqual(["snapshotFailed"]);
  });

  it("refuses unknown rule types and out-of-range values", () => {
    expect(alertRulesSchema.safeParse([{ type: "sms" }]).error?.issues[0]!.message).toMatch(/complianceBelow.*newFailures.*snapshotFailed/);
    expect(alertRulesSchema.safeParse([{ type: "complianceBelow", percent: 120 }]).success).toBe(false);
  });
});
