import { describe, expect, it } from "vitest";
import { getIntegration, requireOperation } from "@/lib/integrations/registry";
import { describeWrite } from "./write-confirmation";

const jumpcloud = getIntegration("jumpcloud")!;
const describe_ = (resource: string, operation: string, parameters: Record<string, unknown>) => describeWrite(requireOperation(jumpcloud, resource, operation), parameters);

describe("what a write run will change", () => {
  it("names the policy and template of a create, and the button says what it does", () => {
    expect(describe_("policy", "create", { policyData: { name: "Production Security Baseline - Engineering", template: "windows_security_baseline" } })).toEqual({
      action: "Create policy",
      summary: "Create policy 'Production Security Baseline - Engineering' from template windows_security_baseline",
      destructive: false,
    });
  });

  it("names the association change", () => {
    expect(describe_("policyAssociation", "manage", { policyId: "p1", associationData: { op: "add", type: "system_group", id: "g1" } })?.summary).toBe(
      "Associate policy p1 with system group g1",
    );
    const remove = describe_("policyAssociation", "manage", { policyId: "p1", associationData: { op: "remove", type: "system", id: "s1" } });
    expect(remove).toEqual({ action: "Remove association", summary: "Remove the association of policy p1 with system s1", destructive: true });
  });

  it("names updates and deletes, and says nothing for reads", () => {
    expect(describe_("policy", "update", { policyId: "p1", policyData: { notes: "x" } })?.summary).toBe("Update policy p1 (notes)");
    expect(describe_("policy", "delete", { policyId: "p1" })).toEqual({ action: "Delete policy", summary: "Delete policy p1", destructive: true });
    expect(describe_("policy", "list", {})).toBeNull();
    expect(describe_("policyAssociation", "list", { policyId: "p1" })).toBeNull();
  });
});
