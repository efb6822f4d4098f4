import { describe, expect, it } from "vitest";
import { jumpcloudCompliance, readPolicyStatus, readSystemName, stateOfResult } from "./compliance";
import { validParameters } from "../parameters";
import { requireOperation } from "./operations/index";

describe("JumpCloud policy statuses as compliance", () => {
  it("reads state case-insensitively: success passes, failed fails, pending waits", () => {
    expect(stateOfResult({ state: "success" })).toBe("passing");
    expect(stateOfResult({ state: "Success" })).toBe("passing");
    expect(stateOfResult({ state: "FAILED" })).toBe("failing");
    expect(stateOfResult({ state: "pending" })).toBe("pending");
  });

  it("falls back to success and endedAt without a state, and never calls an unreadable record passing", () => {
    expect(stateOfResult({ success: true })).toBe("passing");
    expect(stateOfResult({ success: false, endedAt: "2026-11-01T00:00:00Z" })).toBe("failing");
    expect(stateOfResult({ success: false })).toBe("pending");
    expect(stateOfResult({})).toBe("unknown");
    expect(stateOfResult({ state: "exploded" })).toBe("unknown");
  });

  it("explains a failure with the exit status and the device's reason, shortened", () => {
    const status = readPolicyStatus({
      id: "r1", policyID: "p1", systemID: "s1", state: "failed", success: false, exitStatus: 5,
      detail: "Policy requires a supervised device", startedAt: "2026-11-01T10:00:00.000Z", endedAt: "2026-11-01T10:00:02.000Z",
    });
    expect(status).toEqual({ systemId: "s1", state: "failing", detail: "exit 5: Policy requires a supervised device", resultAt: "2026-11-01T10:00:02.000Z" });
    expect(readPolicyStatus({ systemID: "s1", state: "failed", stdErr: "x".repeat(500) })!.detail).toHaveLength(200);
    expect(readPolicyStatus({ systemID: "s2", state: "success", detail: "ignored", startedAt: "2026-11-01T10:00:00Z" })).toEqual({
      systemId: "s2", state: "passing", resultAt: "2026-11-01T10:00:00Z",
    });
    expect(readPolicyStatus({ state: "success" })).toBeUndefined();
    expect(readPolicyStatus(null)).toBeUndefined();
  });

  it("asks for registry operations with parameters the client accepts, in the monitor's org", () => {
    const orgId = "6019e7803f227aabf38d00a0";
    for (const call of [jumpcloudCompliance.listPolicies(orgId), jumpcloudCompliance.listStatuses("5f4d7c8e9a1b2c3d4e5f6789", orgId), jumpcloudCompliance.listSystems!(orgId)]) {
      const valid = validParameters(requireOperation(call.resource, call.operation), call.params) as { returnAll?: boolean; additionalFields?: { xOrgId?: string } };
      expect(valid.returnAll).toBe(true);
      expect(valid.additionalFields?.xOrgId).toBe(orgId);
    }
    expect(jumpcloudCompliance.listPolicies().params).not.toHaveProperty("additionalFields");
    expect(jumpcloudCompliance.policyGone("policyNotFound")).toBe(true);
    expect(jumpcloudCompliance.policyGone("unavailable")).toBe(false);
  });

  it("names a system by its v1 record: the hostname, else the display name", () => {
    expect(readSystemName({ _id: "68d72900dae8a1938c932415", hostname: "SLS-LT-0001", displayName: "Laptop" })).toEqual({ id: "68d72900dae8a1938c932415", hostname: "SLS-LT-0001" });
    expect(readSystemName({ _id: "68d72900dae8a1938c932416", displayName: "Mallory's MacBook Pro" })).toEqual({ id: "68d72900dae8a1938c932416", hostname: "Mallory's MacBook Pro" });
    expect(readSystemName({ _id: "68d72900dae8a1938c932417" })).toEqual({ id: "68d72900dae8a1938c932417" });
    expect(readSystemName({ hostname: "no id" })).toBeUndefined();
  });
});
