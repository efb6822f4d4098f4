import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./content-security-policy";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("content security policy", () => {
  it("runs scripts only with the response's nonce, never inline or eval'd", () => {
    const nonce = newNonce();
    const policy = directives(contentSecurityPolicy(nonce));
    expect(policy["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(JSON.stringify(policy)).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(policy["style-src"]).toContain(`'nonce-${nonce}'`);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["form-action"]).toEqual(["'self'"]);
  });

  it("gives a different 128-bit nonce to every response", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });

  it("allows eval only for next dev's overlay", () => {
    expect(directives(contentSecurityPolicy("n", { development: true }))["script-src"]).toContain("'unsafe-eval'");
  });
});
