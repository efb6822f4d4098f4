import { describe, expect, it, vi } from "vitest";

// GuardError lives beside the session guard; Auth.js itself needs Next's runtime, which these tests do not use.
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null }));
import { z } from "zod";
import { GuardError } from "@/lib/auth/guard";
import { CredentialError } from "@/lib/credentials/credential-errors";
import { AppError } from "@/lib/errors/app-error";
import { describeError } from "@/lib/errors/describe-error";
import { JumpCloudError } from "@/lib/integrations/jumpcloud/errors";
import { NodeConfigError } from "@/lib/node-configs/node-config-errors";
import { ApiError } from "./api-error";
import { errorResponse } from "./error-response";

describe("the one error model, as routes and actions answer", () => {
  it.each([
    [new GuardError("unauthenticated", "Sign in"), 401, "unauthenticated"],
    [new GuardError("forbidden", "Needs editor"), 403, "forbidden"],
    [new ApiError("payloadTooLarge", "too big"), 413, "payloadTooLarge"],
    [new ApiError("unsupportedMediaType", "json please"), 415, "unsupportedMediaType"],
    [new ApiError("invalidJson", "bad json"), 400, "invalidJson"],
    [new AppError("invalidConfig", "policyData.name is required", { path: "policyData.name" }), 400, "invalidConfig"],
    [new AppError("credentialNotFound", "No credential"), 404, "credentialNotFound"],
    [new NodeConfigError("notFound", "No node"), 404, "notFound"],
    [new JumpCloudError({ kind: "policyNotFound", message: "Policy not found", upstreamStatus: 404 }), 404, "policyNotFound"],
    [new JumpCloudError({ kind: "conflict", message: "Name taken", upstreamStatus: 409 }), 409, "conflict"],
    [new JumpCloudError({ kind: "authenticationFailed", message: "Invalid API key", upstreamStatus: 401 }), 422, "authenticationFailed"],
    [new JumpCloudError({ kind: "rateLimited", message: "Rate limited", upstreamStatus: 429 }), 429, "rateLimited"],
    [new JumpCloudError({ kind: "unavailable", message: "Down", upstreamStatus: 503 }), 502, "unavailable"],
    [new JumpCloudError({ kind: "timeout", message: "Slow" }), 504, "timeout"],
    [new CredentialError("cannotDecrypt", "Cannot decrypt"), 409, "cannotDecrypt"],
    [new JumpCloudError({ kind: "hostNotAllowed", message: "not allowed" }), 422, "hostNotAllowed"],
  ])("%s -> %i", (error, status, kind) => {
    const described = describeError(error);
    expect(described.status).toBe(status);
    expect(described.body.kind).toBe(kind);
    expect(described.body.message).toBe(error.message);
  });

  it("carries the path, issues, guidance, the upstream status and the run id of a failed run", () => {
    const issue = { path: "policyId", message: "policyId is required", severity: "error" as const };
    const error = new JumpCloudError({ kind: "policyNotFound", message: "Policy not found", upstreamStatus: 404, path: "policyId", issues: [issue] }).withRunId("r1");
    expect(error).toBeInstanceOf(JumpCloudError);
    expect(describeError(error).body).toEqual({
      kind: "policyNotFound",
      message: "Policy not found",
      path: "policyId",
      guidance: "Verify the policy ID is correct. You can find policy IDs by listing all policies first.",
      upstreamStatus: 404,
      runId: "r1",
      issues: [issue],
    });
  });

  it("names the first field of a zod error", () => {
    const parsed = z.object({ node: z.object({ resource: z.string() }) }).safeParse({ node: { resource: 1 } });
    const { status, body } = describeError(parsed.error);
    expect(status).toBe(400);
    expect(body.path).toBe("node.resource");
    expect(body.message).toMatch(/^node\.resource: /);
  });

  it("hides unknown errors behind a 500 and logs only their class", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorResponse(new Error("connect ECONNREFUSED postgres://app:hunter2@db/app"));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("hunter2");
    expect(JSON.stringify(log.mock.calls)).not.toContain("hunter2");
    log.mockRestore();
  });

  it("reports a database outage as a retryable 503", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const dropped = Object.assign(new Error("terminating connection due to administrator command"), { name: "DriverAdapterError", cause: { kind: "postgres", code: "57P01" } });
    const response = errorResponse(dropped);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(((await response.json()) as { error: { kind: string } }).error.kind).toBe("databaseUnavailable");
    const other = Object.assign(new Error("unique"), { name: "DriverAdapterError", cause: { kind: "postgres", code: "23505" } });
    expect(describeError(other).status).toBe(500);
    quiet.mockRestore();
  });

  it("asks for a bearer token on 401", () => {
    expect(errorResponse(new GuardError("unauthenticated", "Sign in")).headers.get("www-authenticate")).toMatch(/^Bearer/);
  });
});
