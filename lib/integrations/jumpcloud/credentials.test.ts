import { describe, expect, it } from "vitest";
import { thrown } from "@/lib/testing/thrown";
import { jumpcloudAuthTypes, parseConnectionSettings, parseJumpCloudAuth } from "./credentials";
import { JumpCloudError } from "./errors";

describe("credential fields", () => {
  it("every field explains itself, and exactly the secret fields are sealed", () => {
    expect(jumpcloudAuthTypes.map((t) => t.id)).toEqual(["apiKey", "systemContext", "serviceAccount"]);
    for (const type of jumpcloudAuthTypes) for (const field of type.fields) expect(field.help.length).toBeGreaterThan(10);
    const secretFields = jumpcloudAuthTypes.flatMap((t) => t.fields.filter((f) => f.secret).map((f) => f.name));
    expect(secretFields.sort()).toEqual(["apiKey", "clientSecret", "privateKeyPem", "signature"]);
  });

  it("parses each auth type and explains a missing or malformed field by its label", () => {
    expect(parseJumpCloudAuth("apiKey", { apiKey: " abcdefghij ", orgId: "" })).toEqual({ type: "apiKey", apiKey: "abcdefghij" });
    const error = thrown(JumpCloudError, () => parseJumpCloudAuth("systemContext", { systemId: "5f4d7c8e9a1b2c3d4e5f6789" }));
    expect(error.kind).toBe("invalidParameters");
    expect(error.message).toContain("Private Key is required");
    const missing = thrown(JumpCloudError, () => parseJumpCloudAuth("serviceAccount", { clientId: "x" }));
    expect(missing.message).toBe("Client Secret is required");
    expect(missing.issues).toEqual([{ path: "clientSecret", message: "Client Secret is required", severity: "error" }]);
    expect(thrown(JumpCloudError, () => parseJumpCloudAuth("apiKey", { apiKey: "has spaces in it" })).message).toBe("API Key must not contain spaces");
    expect(thrown(JumpCloudError, () => parseJumpCloudAuth("oauth", {})).message).toMatch(/apiKey, systemContext, serviceAccount/);
  });

  it("defaults the region to US and validates a custom base URL's shape", () => {
    expect(parseConnectionSettings({})).toEqual({ region: "us" });
    expect(parseConnectionSettings({ region: "eu", baseUrl: "" })).toEqual({ region: "eu" });
    expect(() => parseConnectionSettings({ region: "mars" })).toThrow(/Region/);
  });
});
