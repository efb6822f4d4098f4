import { describe, expect, it } from "vitest";
import { JumpCloudError } from "./errors";
import { jumpcloudService, getIntegrationService } from "../registry";

describe("credential fields", () => {
  it("the registry maps jumpcloud to its auth types, fields, operations and calls", () => {
    const service = getIntegrationService("jumpcloud");
    expect(service).toBe(jumpcloudService);
    expect(service!.authTypes.map((t) => t.id)).toEqual(["apiKey", "systemContext", "serviceAccount"]);
    expect(service!.operations).toHaveLength(16);
    for (const type of service!.authTypes) for (const field of type.fields) expect(field.help.length).toBeGreaterThan(10);
    const secretFields = service!.authTypes.flatMap((t) => t.fields.filter((f) => f.secret).map((f) => f.name));
    expect(secretFields.sort()).toEqual(["apiKey", "clientSecret", "privateKeyPem", "signature"]);
    expect(getIntegrationService("okta")).toBeUndefined();
  });

  it("parses each auth type and explains a missing or malformed field", () => {
    expect(jumpcloudService.parseAuth("apiKey", { apiKey: " abcdefghij ", orgId: "" })).toEqual({ type: "apiKey", apiKey: "abcdefghij" });
    const error = (() => {
      try {
        jumpcloudService.parseAuth("systemContext", { systemId: "5f4d7c8e9a1b2c3d4e5f6789" });
      } catch (e) {
        return e as JumpCloudError;
      }
    })();
    expect(error?.kind).toBe("invalidParameters");
    expect(error?.message).toContain("private key");
    expect(() => jumpcloudService.parseAuth("serviceAccount", { clientId: "x" })).toThrow(/clientSecret: is required/);
    expect(() => jumpcloudService.parseAuth("oauth", {})).toThrow(/apiKey, systemContext, serviceAccount/);
  });

  it("defaults the region to US and validates a custom base URL's shape", () => {
    expect(jumpcloudService.parseConnection({})).toEqual({ region: "us" });
    expect(jumpcloudService.parseConnection({ region: "eu", baseUrl: "" })).toEqual({ region: "eu" });
    expect(() => jumpcloudService.parseConnection({ region: "mars" })).toThrow(/region/);
  });
});
