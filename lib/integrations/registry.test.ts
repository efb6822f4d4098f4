import { describe, expect, it } from "vitest";
import { thrown } from "@/lib/testing/thrown";
import { AppError } from "@/lib/errors/app-error";
import { errorAdvice, findOperation, getIntegration, listIntegrations, operationTitle, requireIntegration, requireOperation } from "./registry";

describe("integration registry", () => {
  it("maps a service id to its definition: auth types, operations, error kinds", () => {
    const jumpcloud = getIntegration("jumpcloud")!;
    expect(jumpcloud.label).toBe("JumpCloud");
    expect(jumpcloud.authTypes.map((t) => t.id)).toEqual(["apiKey", "systemContext", "serviceAccount"]);
    expect(jumpcloud.operations.length).toBeGreaterThanOrEqual(16);
    expect(findOperation(jumpcloud, "policy", "create")?.writes).toBe(true);
    expect(findOperation(jumpcloud, "policy", "list")?.writes).toBe(false);
    expect(getIntegration("okta")).toBeUndefined();
  });

  it("refuses unknown services, resources and operations, naming what exists", () => {
    const refusal = (run: () => unknown) => thrown(AppError, run);
    expect(refusal(() => requireIntegration("okta", { includeTestOnly: false })).message).toContain("use jumpcloud");
    const jumpcloud = getIntegration("jumpcloud")!;
    const operation = refusal(() => requireOperation(jumpcloud, "policy", "explode"));
    expect(operation.path).toBe("operation");
    expect(operation.message).toContain("create, get, list, update, delete");
    expect(refusal(() => requireOperation(jumpcloud, "user", "list")).path).toBe("resource");
  });

  it("offers test-only fixtures only where enabled", () => {
    const offered = (includeTestOnly: boolean) => listIntegrations({ includeTestOnly }).map((i) => i.id);
    expect(offered(false)).toEqual(offered(true).filter((id) => !getIntegration(id)!.testOnly));
    expect(offered(false)).toContain("jumpcloud");
  });

  it("labels runs and gives the service's advice for its error kinds", () => {
    expect(operationTitle("jumpcloud", "policyStatus", "listForSystem")).toBe("Policy Status · List for System");
    expect(operationTitle("gone", "thing", "do")).toBe("thing · do");
    expect(errorAdvice("jumpcloud", "policyNotFound")).toContain("listing all policies");
    expect(errorAdvice("jumpcloud", "invalidConfig")).toBeUndefined();
  });
});
