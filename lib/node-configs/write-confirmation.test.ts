import { describe, expect, it } from "vitest";
import { describeWrite } from "./write-confirmation";

describe("what a write run will change", () => {
  it("names the policy and template of a create", () => {
    expect(describeWrite("policy", "create", { policyData: { name: "Production Security Baseline - Engineering", template: "windows_security_baseline" } })).toBe(
      "Create policy 'Production Security Baseline - Engineering' from template windows_security_baseline",
    );
  });

  it("names the association change", () => {
    expect(describeWrite("policyAssociation", "manage", { policyId: "p1", associationData: { op: "add", type: "system_group", id: "g1" } })).toBe(
      "Associate policy p1 with system group g1",
    );
    expect(describeWrite("policyAssociation", "manage", { policyId: "p1", associationData: { op: "remove", type: "system", id: "s1" } })).toBe(
      "Remove the association of policy p1 with system s1",
    );
  });

  it("names updates and deletes, and says nothing for reads", () => {
    expect(describeWrite("policy", "update", { policyId: "p1", policyData: { notes: "x" } })).toBe("Update policy p1 (notes)");
    expect(describeWrite("policy", "delete", { policyId: "p1" })).toBe("Delete policy p1");
    expect(describeWrite("policy", "list", {})).toBeNull();
    expect(describeWrite("policyAssociation", "list", { policyId: "p1" })).toBeNull();
  });
});
