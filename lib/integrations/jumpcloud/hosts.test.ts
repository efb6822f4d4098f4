import { describe, expect, it } from "vitest";
import { thrown } from "@/lib/testing/thrown";
import { normalizeOrigin, resolveEndpoints } from "./hosts";
import { jumpcloudCredentialWarnings } from "./credentials";
import { JumpCloudError, testHeadline, jumpcloudErrorKinds } from "./errors";

describe("allowed custom hosts", () => {
  it("reads an origin in the forms people write it", () => {
    const local = "http://127.0.0.1:4010";
    for (const written of [local, `${local}/`, `${local}/api/v2`, `${local}/api/`]) expect(normalizeOrigin(written), written).toBe(local);
    expect(normalizeOrigin("localhost:4010")).toBe("http://localhost:4010");
    expect(normalizeOrigin("jc-proxy.example.com")).toBe("https://jc-proxy.example.com");
    expect(normalizeOrigin(" HTTPS://JC.example.com:8443 ")).toBe("https://jc.example.com:8443");
  });

  it("refuses what is not an origin", () => {
    for (const value of ["ftp://host", "http://user:pw@host", "http://host/other", "http://host/?q=1", "http://host/#x", ""]) {
      expect(normalizeOrigin(value), value).toBeUndefined();
    }
  });

  it("admits a base URL given with /api/v2 or as localhost when the allow-list names the same origin another way", () => {
    expect(resolveEndpoints({ region: "us", baseUrl: "http://127.0.0.1:4010/api/v2" }, ["http://127.0.0.1:4010"]).origin).toBe("http://127.0.0.1:4010");
    expect(resolveEndpoints({ region: "us", baseUrl: "http://localhost:4010" }, ["http://127.0.0.1:4010/api/v2"]).origin).toBe("http://localhost:4010");
    expect(resolveEndpoints({ region: "us", baseUrl: "http://127.0.0.1:4010" }, ["localhost:4010"]).origin).toBe("http://127.0.0.1:4010");
    // Another port, or https instead of http, is another origin.
    expect(() => resolveEndpoints({ region: "us", baseUrl: "http://localhost:4011" }, ["http://127.0.0.1:4010"])).toThrow(JumpCloudError);
    expect(() => resolveEndpoints({ region: "us", baseUrl: "https://127.0.0.1:4010" }, ["http://127.0.0.1:4010"])).toThrow(JumpCloudError);
  });

  it("names the cause and the setting that allows a host, not an unreachable host", () => {
    const error = thrown(JumpCloudError, () => resolveEndpoints({ region: "us", baseUrl: "http://10.0.0.5:4010" }, []));
    expect(error.kind).toBe("hostNotAllowed");
    expect(error.message).toContain("The host http://10.0.0.5:4010 is not allowed: it is not on this server's list of allowed hosts");
    expect(testHeadline(error.kind, "apiKey")).toBe("Host not allowed");
    expect(jumpcloudErrorKinds.hostNotAllowed.advice).toContain("JUMPCLOUD_ALLOWED_ORIGINS");
    expect(jumpcloudErrorKinds.hostNotAllowed.advice).not.toContain("ask an administrator");
  });
});

describe("credential warnings", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const stored = (date: string) => ({ type: "systemContext" as const, systemId: "5a1b2c3d4e5f67890abcdef1", date, signature: "c2ln" });

  it("warns that a stored date and signature expire about 5 minutes after the date", () => {
    const [warning] = jumpcloudCredentialWarnings(stored("Tue, 01 Dec 2026 11:59:00 GMT"), now);
    expect(warning).toContain("about 5 minutes after its date");
    expect(warning).toContain("Tue, 01 Dec 2026 12:04:00 GMT");
    expect(jumpcloudCredentialWarnings(stored("Tue, 01 Dec 2026 11:00:00 GMT"), now)[0]).toContain("will refuse it now");
  });

  it("says nothing when requests are signed live or for other auth types", () => {
    expect(jumpcloudCredentialWarnings({ ...stored("Tue, 01 Dec 2026 11:59:00 GMT"), privateKeyPem: "-----BEGIN PRIVATE KEY-----" }, now)).toEqual([]);
    expect(jumpcloudCredentialWarnings({ type: "apiKey", apiKey: "k" }, now)).toEqual([]);
  });
});
