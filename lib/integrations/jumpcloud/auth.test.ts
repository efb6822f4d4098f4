import { createVerify, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { JumpCloudError } from "./errors";
import { json, type FakeHandler } from "./testing/fake-fetch";
import { harness, ID } from "./testing/client-harness";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pkcs1 = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
const pkcs8 = privateKey.export({ type: "pkcs8", format: "pem" }).toString();

function verifies(method: string, path: string, date: string, authorization: string): boolean {
  const signature = /signature="([^"]+)"/.exec(authorization)?.[1] ?? "";
  return createVerify("RSA-SHA256").update(`${method} ${path} HTTP/1.1\ndate: ${date}`).verify(publicKey, signature, "base64");
}

describe("API key", () => {
  it("sends x-api-key, Accept, and no Authorization", async () => {
    const { client, fetch } = harness(() => json([]));
    await client.run("policy", "list", {});
    expect(fetch.calls[0]!.headers).toEqual({ Accept: "application/json", "x-api-key": "canary-api-key-0123456789abcdef" });
  });
});

describe("System Context", () => {
  it.each([
    ["PKCS#1 (the agent's client.key)", pkcs1],
    ["PKCS#8", pkcs8],
  ])("test connection signs GET /api/systems/{id} live with a %s key", async (_, pem) => {
    const { client, fetch } = harness(() => json({ id: ID.system }), { auth: { type: "systemContext", systemId: ID.system, privateKeyPem: pem } });
    const result = await client.testConnection();
    expect(result.ok).toBe(true);
    const call = fetch.calls[0]!;
    expect(call.path).toBe(`/api/systems/${ID.system}`);
    expect(call.headers.Authorization).toMatch(new RegExp(`^Signature keyId="system/${ID.system}",headers="request-line date",algorithm="rsa-sha256",signature="`));
    expect(Math.abs(Date.parse(call.headers.Date!) - Date.now())).toBeLessThan(5000);
    expect(verifies("GET", call.path, call.headers.Date!, call.headers.Authorization!)).toBe(true);
  });

  it("sends a stored date and signature as they are", async () => {
    const { client, fetch } = harness(() => json({ id: ID.system }), {
      auth: { type: "systemContext", systemId: ID.system, date: "Tue, 10 Nov 2009 23:00:00 GMT", signature: "c2lnbmF0dXJl" },
    });
    await client.testConnection();
    expect(fetch.calls[0]!.headers.Date).toBe("Tue, 10 Nov 2009 23:00:00 GMT");
    expect(fetch.calls[0]!.headers.Authorization).toContain('signature="c2lnbmF0dXJl"');
  });

  it("explains a rejected signature and a date that is too old", async () => {
    const old = harness(() => json({ message: "Unauthorized" }, 401), {
      auth: { type: "systemContext", systemId: ID.system, date: "Tue, 10 Nov 2009 23:00:00 GMT", signature: "c2ln" },
    });
    const tooOld = await old.client.testConnection();
    expect(!tooOld.ok && tooOld.error.kind).toBe("authenticationFailed");
    expect(!tooOld.ok && tooOld.error.message).toContain("too old");
    const fresh = harness(() => json({ message: "Unauthorized" }, 401), { auth: { type: "systemContext", systemId: ID.system, privateKeyPem: pkcs1 } });
    const rejected = await fresh.client.testConnection();
    expect(!rejected.ok && rejected.error.message).toContain("signature was rejected");
  });

  it("cannot run any policy operation: fails before a request and says what to use", async () => {
    const { client, fetch } = harness(() => json([]), { auth: { type: "systemContext", systemId: ID.system, privateKeyPem: pkcs1 } });
    const error = await client.run("policyStatus", "listForSystem", { systemId: ID.system }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JumpCloudError);
    expect((error as JumpCloudError).kind).toBe("unsupportedAuthType");
    expect((error as JumpCloudError).message).toContain("Use an API Key credential");
    expect(fetch.calls).toHaveLength(0);
  });

  it("reports an unreadable private key without echoing it", async () => {
    const bad = "-----BEGIN RSA PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbCBub3QgYSBrZXk=\n-----END RSA PRIVATE KEY-----";
    const { client } = harness(() => json({}), { auth: { type: "systemContext", systemId: ID.system, privateKeyPem: bad } });
    const result = await client.testConnection();
    expect(!result.ok && result.error.message).toContain("private key could not be read");
    expect(JSON.stringify(result)).not.toContain("bm90IGEga2V5");
  });
});

describe("service account", () => {
  const auth = { type: "serviceAccount" as const, clientId: "client-1", clientSecret: "client-secret-canary" };

  it("gets a token with client credentials once, caches it, and renews it shortly before expiry", async () => {
    let clock = 1_000_000;
    let issued = 0;
    const { client, fetch } = harness(
      (request) => {
        if (request.path === "/oauth2/token") return json({ access_token: `token-${++issued}`, token_type: "bearer", expires_in: 3600 });
        return json([]);
      },
      { auth, wallClock: () => clock, connection: { region: "us", baseUrl: "http://127.0.0.1:4010" }, allowedOrigins: ["http://127.0.0.1:4010"] },
    );
    await client.run("policy", "list", {});
    await client.run("policy", "list", {});
    const token = fetch.calls[0]!;
    expect(token.method).toBe("POST");
    expect(token.url).toBe("http://127.0.0.1:4010/oauth2/token");
    expect(token.headers.Authorization).toBe(`Basic ${btoa("client-1:client-secret-canary")}`);
    expect(token.body).toBe("grant_type=client_credentials&scope=api");
    expect(fetch.calls.filter((c) => c.path === "/oauth2/token")).toHaveLength(1);
    expect(fetch.calls[2]!.headers.Authorization).toBe("Bearer token-1");
    clock += 3600_000 - 30_000; // inside the renewal margin
    await client.run("policy", "list", {});
    expect(fetch.calls.at(-1)!.headers.Authorization).toBe("Bearer token-2");
  });

  it("uses JumpCloud's token host for the regions", async () => {
    const { client, fetch } = harness((request) => (request.path === "/oauth2/token" ? json({ access_token: "t", expires_in: 3600 }) : json([])), { auth });
    await client.run("policy", "list", {});
    expect(fetch.calls[0]!.url).toBe("https://admin-oauth.id.jumpcloud.com/oauth2/token");
  });

  it("a revoked token is renewed once and the request repeated", async () => {
    let issued = 0;
    const { client, fetch } = harness((request) => {
      if (request.path === "/oauth2/token") return json({ access_token: `token-${++issued}`, expires_in: 3600 });
      return request.headers.Authorization === "Bearer token-1" ? json({ message: "Unauthorized: invalid access token" }, 401) : json([]);
    }, { auth });
    await client.run("policy", "list", {});
    expect(fetch.calls.map((c) => c.headers.Authorization)).toEqual([expect.stringMatching(/^Basic /), "Bearer token-1", expect.stringMatching(/^Basic /), "Bearer token-2"]);
  });

  it("test connection gets a token then lists one policy; bad client credentials say so", async () => {
    const good = harness((request) => (request.path === "/oauth2/token" ? json({ access_token: "t", expires_in: 3600 }) : json([])), { auth: { ...auth, orgId: ID.org } });
    expect((await good.client.testConnection()).ok).toBe(true);
    expect(good.fetch.calls[1]!.path).toBe("/api/v2/policies?limit=1&skip=0");
    expect(good.fetch.calls[1]!.headers["x-org-id"]).toBe(ID.org);
    const bad = harness(() => json({ error: "invalid_client", error_description: "Client authentication failed" }, 401), { auth });
    const result = await bad.client.testConnection();
    expect(!result.ok && result.error.kind).toBe("authenticationFailed");
    expect(!result.ok && result.error.message).toContain("client ID or secret");
  });
});

describe("test connection with an API key", () => {
  it("lists one policy in the credential's org and reports the latency", async () => {
    const { client, fetch } = harness(() => json([]), { auth: { type: "apiKey", apiKey: "k".repeat(20), orgId: ID.org } });
    const result = await client.testConnection();
    expect(result.ok).toBe(true);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(fetch.calls[0]!.path).toBe("/api/v2/policies?limit=1&skip=0");
    expect(fetch.calls[0]!.headers["x-org-id"]).toBe(ID.org);
  });

  const failures: Array<[FakeHandler, string, string]> = [
    [() => json({ error: "Unauthorized", message: "Unauthorized: api key user not found" }, 401), "authenticationFailed", "invalid, revoked"],
    [() => json({ message: "Forbidden" }, 403), "permissionDenied", "Permission denied"],
    [() => json({ message: "Unauthorized: no organization selected" }, 401), "orgIdRequired", "organization ID is required"],
    [() => json({ code: 404, message: "Organization ID Not Found" }, 404), "orgIdInvalid", "organization ID was rejected"],
    [() => Object.assign(new TypeError("fetch failed"), { cause: { code: "ENOTFOUND" } }), "unreachable", "ENOTFOUND"],
    [() => "hang", "timeout", "did not answer"],
  ];
  it.each(failures)("reports exactly what failed (%#)", async (answer, kind, text) => {
    const { client } = harness(answer, { timeoutMs: 10, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const result = await client.testConnection();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe(kind);
    expect(result.error.message).toContain(text);
    expect(result.error.guidance?.length).toBeGreaterThan(10);
  });
});
