import { describe, expect, it } from "vitest";
import { validParameters } from "../parameters";
import { getIntegration, requireOperation } from "../registry";
import { example } from "./index";

describe("the example integration (the contract's second implementation)", () => {
  it("is registered as test-only and validates, plans and runs through the contract", async () => {
    expect(getIntegration("example")).toBe(example);
    expect(example.testOnly).toBe(true);
    const say = requireOperation(example, "greeting", "say");
    const parameters = validParameters(say, { name: "Ada", times: "2" });
    const plan = example.planRequests({ operation: say, parameters, auth: example.describeAuth("token", {}), connection: {}, allowedOrigins: [] });
    expect(plan.requests[0]).toMatchObject({ method: "GET", url: "https://example.invalid/v1/greetings?name=Ada&times=2", headers: { Authorization: "Bearer ••••" } });
    const client = example.createClient({ auth: example.parseAuth("token", { token: "example-token" }), connection: {}, allowedOrigins: [] });
    expect((await client.run(say, parameters)).items).toEqual([
      { message: "Hello, Ada!", index: 0 },
      { message: "Hello, Ada!", index: 1 },
    ]);
  });

  it("reports its own error kinds with their status and advice", async () => {
    const client = example.createClient({ auth: "revoked-1234", connection: {}, allowedOrigins: [] });
    const result = await client.testConnection();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: "authenticationFailed", status: 422, service: "example" });
    expect(example.testHeadline(result.error.kind, "token")).toBe("Invalid token");
  });
});
