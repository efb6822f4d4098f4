// A canary secret pushed through every failure path must never appear in what callers can see or log.
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { JumpCloudAuth } from "./auth";
import { JumpCloudError } from "./errors";
import type { FakeHandler } from "./testing/fake-fetch";
import { json } from "./testing/fake-fetch";
import { harness, ID } from "./testing/client-harness";

const CANARY = "CANARY-5ecr3t-7f9a2b4c6d8e0f1a";
const pem = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();

function renderings(value: unknown): string[] {
  const out = [String(value), JSON.stringify(value) ?? ""];
  if (value instanceof Error) {
    out.push(value.message, value.stack ?? "");
    let cause: unknown = value.cause;
    while (cause !== undefined) {
      out.push(String(cause), JSON.stringify(cause) ?? "", cause instanceof Error ? (cause.stack ?? "") : "");
      cause = cause instanceof Error ? cause.cause : undefined;
    }
  }
  return out;
}

function expectClean(value: unknown, secrets: string[]) {
  for (const text of renderings(value)) for (const secret of secrets) expect(text).not.toContain(secret);
}

const echo = (status: number): FakeHandler => (request) =>
  json({ message: `key ${request.headers["x-api-key"] ?? request.headers.Authorization} rejected` }, status);

const failures: Array<[string, FakeHandler]> = [
  ["401 echoing the key", echo(401)],
  ["403 echoing the key", echo(403)],
  ["400 echoing the key", echo(400)],
  ["404 echoing the key", echo(404)],
  ["503 echoing the key until retries run out", echo(503)],
  ["429 echoing the key", echo(429)],
  ["raw text body with the key", (r) => new Response(`bad key ${r.headers["x-api-key"]}`, { status: 500 })],
  ["network error naming the key", (r) => new TypeError(`connect failed for ${r.headers["x-api-key"]}`, { cause: new Error(`socket ${r.headers["x-api-key"]}`) })],
  ["timeout", () => "hang"],
  ["redirect to a URL with the key", (r) => new Response(null, { status: 302, headers: { location: `https://evil.example/?k=${r.headers["x-api-key"]}` } })],
  ["non-JSON success", (r) => new Response(`ok ${r.headers["x-api-key"]}`, { status: 200 })],
];

const options = { timeoutMs: 10, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } };

describe("no secret in errors", () => {
  it.each(failures)("API key through %s", async (_, handler) => {
    const { client } = harness(handler, { ...options, auth: { type: "apiKey", apiKey: CANARY } });
    const error = await client.run("policy", "get", { policyId: ID.policy }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JumpCloudError);
    expectClean(error, [CANARY]);
    expectClean(await client.testConnection(), [CANARY]);
  });

  it("API key a user pasted into a parameter", async () => {
    const { client } = harness(() => json([]), { auth: { type: "apiKey", apiKey: CANARY } });
    // A malformed filter is refused by the one validation pass, before the client sees it.
    const error = await client.run("policy", "list", { options: { filter: [`${CANARY}`] } }).catch((e: unknown) => e);
    expect((error as JumpCloudError).kind).toBe("invalidConfig");
    expectClean(error, [CANARY]);
  });

  it("service account secret and token", async () => {
    const auth: JumpCloudAuth = { type: "serviceAccount", clientId: "id", clientSecret: CANARY };
    const token = `${CANARY}-token`;
    const { client } = harness(
      (r) => (r.path === "/oauth2/token" ? json({ access_token: token, expires_in: 3600 }) : json({ message: `bad ${r.headers.Authorization}` }, 403)),
      { ...options, auth },
    );
    const error = await client.run("policy", "list", {}).catch((e: unknown) => e);
    expectClean(error, [CANARY, token, btoa(`id:${CANARY}`)]);
    const rejected = harness((r) => json({ message: `bad ${r.headers.Authorization}` }, 401), { ...options, auth });
    expectClean(await rejected.client.testConnection(), [CANARY, btoa(`id:${CANARY}`)]);
  });

  it("System Context signature and private key", async () => {
    const stored: JumpCloudAuth = { type: "systemContext", systemId: ID.system, date: new Date().toUTCString(), signature: CANARY };
    const { client } = harness((r) => json({ message: `bad ${r.headers.Authorization}` }, 401), { ...options, auth: stored });
    expectClean(await client.testConnection(), [CANARY]);
    let sent = "";
    const live = harness((r) => {
      sent = /signature="([^"]+)"/.exec(r.headers.Authorization ?? "")?.[1] ?? "";
      return new TypeError(`failed ${r.headers.Authorization} ${pem}`);
    }, { ...options, auth: { type: "systemContext", systemId: ID.system, privateKeyPem: pem } });
    const result = await live.client.testConnection();
    expect(sent.length).toBeGreaterThan(20);
    expectClean(result, [sent, pem, ...pem.split("\n").filter((l) => l.length > 20 && !l.startsWith("-----"))]);
  });
});

describe("redaction before truncation, in every encoding", () => {
  const straddle = (status: number): FakeHandler => (r) =>
    new Response(`${"x".repeat(290)} key=${r.headers["x-api-key"]} was refused`, { status });

  it("masks a key straddling the 300-character cut of a raw body", async () => {
    const { client } = harness(straddle(400), { ...options, auth: { type: "apiKey", apiKey: CANARY } });
    const error = (await client.run("policy", "get", { policyId: ID.policy }).catch((e: unknown) => e)) as JumpCloudError;
    expect(error.kind).toBe("badRequest");
    expect(error.message).toContain("key=••••");
    for (const part of [CANARY.slice(0, 10), CANARY.slice(0, 6)]) expect(error.message).not.toContain(part);
    expectClean(await client.testConnection(), [CANARY.slice(0, 6)]);
  });

  it("masks the key in another case, percent-encoded and base64-encoded at any alignment", async () => {
    const forms = (key: string) => [
      key.toUpperCase(),
      key.toLowerCase(),
      encodeURIComponent(`${key}/`),
      ...["", "a", "ab"].map((prefix) => btoa(`${prefix}${key}`)),
      btoa(`user:${key}`).replaceAll("+", "-").replaceAll("/", "_"),
    ];
    const key = "Canary+Key/7f9a2b4c6d8e0f1a==";
    const { client } = harness(
      (r) => json({ message: `echo ${forms(r.headers["x-api-key"] ?? "").join(" ")}` }, 400),
      { ...options, auth: { type: "apiKey", apiKey: key } },
    );
    const error = (await client.run("policy", "get", { policyId: ID.policy }).catch((e: unknown) => e)) as JumpCloudError;
    expect(error.message).toMatch(/^JumpCloud rejected/);
    for (const form of forms(key)) expectClean(error, [form.slice(4, -4)]);
  });

  it("drops the upstream body of a 401 or 403", async () => {
    for (const status of [401, 403]) {
      const { client } = harness(() => json({ message: "gateway said: partial-key-4c6d8e0f" }, status), { ...options, auth: { type: "apiKey", apiKey: CANARY } });
      const error = (await client.run("policy", "get", { policyId: ID.policy }).catch((e: unknown) => e)) as JumpCloudError;
      expect(error.upstreamStatus).toBe(status);
      expect(error.message).not.toContain("partial-key");
      expect(JSON.stringify(await client.testConnection())).not.toContain("partial-key");
    }
  });
});
