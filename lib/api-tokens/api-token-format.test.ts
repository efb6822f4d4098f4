import { describe, expect, it } from "vitest";
import { API_TOKEN_PREFIX, generateApiToken, hashApiToken, isApiTokenShaped } from "./api-token-format";

describe("API token format", () => {
  it("is a recognisable prefix plus 256 random bits, stored as its SHA-256", () => {
    const { token, hash, prefix } = generateApiToken();
    expect(token.startsWith(API_TOKEN_PREFIX)).toBe(true);
    expect(isApiTokenShaped(token)).toBe(true);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashApiToken(token));
    expect(hash).not.toContain(token.slice(4, 20));
    expect(token.startsWith(prefix)).toBe(true);
    expect(prefix.length).toBeLessThan(12);
  });

  it("never repeats", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateApiToken().token));
    expect(tokens.size).toBe(1000);
  });

  it("rejects anything else before a database lookup", () => {
    for (const value of ["", "jcm_", "jcm_short", `xyz_${"a".repeat(43)}`, `jcm_${"a".repeat(42)}!`, `jcm_${"a".repeat(44)}`]) {
      expect(isApiTokenShaped(value)).toBe(false);
    }
  });
});
