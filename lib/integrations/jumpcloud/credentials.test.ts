import { describe, expect, it } from "vitest";
import { jumpcloudAuthTypes, parseConnectionSettings, parseJumpCloudAuth } from "./credentials";
import { JumpCloudError } from "./errors";

function failure(run: () => unknown): JumpCloudError {
  try {
    run();
  } catch (error) {
    if (error instanceof JumpCloudError) return error;
    throw error;
  }
  throw new Error("expected a JumpCloudError");
}

describe("credential fields", () => {
  it("every field explains itself, and exactly the secret fields are sealed", () => {
    expect(jumpcloudAuthTypes.map((t) => t.id)).toEqual(["apiKey", "systemContext", "serviceAccount"]);
    for (const type of jumpcloudAuthTypes) for (const field of type.fields) expect(field.help.length).toBeGreaterThan(10);
    const secretFields = jumpcloudAuthTypes.flatMap((t) => t.fields.filter((f) => f.secret).map((f) => f.name));
    expect(secretFields.sort()).toEqual(["apiKey", "clientSecret", "privateKeyPem", "signature"]);
  });

  it("parses each auth type and explains a missing or malformed field by its label", () => {
    expect(parseJumpCloudAuth("apiKey", { apiKey: " abcdefghij ", orgId: "" })).toEqual({ type: "apiKey", apiKey: "abcdefghij" });
    const error = failure(() => parseJumpCloudAuth("systemContext", { systemId: "5f4d7c8e9a1b2c3d4e5f6789" }));
    expect(error.kind).toBe("invalidParameters");
    expect(error.message).toContain("Private Key is required");
    const missing = failure(() => parseJumpCloudAuth("serviceAccount", { clientId: "x" }));
    expect(missing.message).toBe("Client Secret is required");
    expect(missing.issues).toEqual([{ path: "clientSecret", message: "Client Secret is required", severity: "error" }]);
    expect(failure(() => parseJumpCloudAuth("apiKey", { apiKey: "has spaces in it" })).message).toBe("API Key must not contain spaces");
    expect(failure(() => parseJumpCloudAuth("oauth", {})).message).toMatch(/apiKey, systemContext, serviceAccount/);
  });

  it("defaults the region to US and validates a custom base URL's shape", () => {
    expect(parseConnectionSettings({})).toEqual({ region: "us" });
    expect(parseConnectionSettings({ region: "eu", baseUrl: "" })).toEqual({ region: "eu" });
    expect(() => parseConnectionSettings({ region: "mars" })).toThrow(/Region/);
  });
});
