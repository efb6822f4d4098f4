// Credential state that stays true (issue 11, items 11-13): the listed status is the test of the values saved, a
// never-entered secret is never "stored", an optional secret can be cleared, and Test Connection is bounded and
// cancellable, stopping its outbound request.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GuardContext } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { testFormValues, testSavedCredential } from "./credential-connection";
import { CredentialError } from "./credential-errors";
import { createCredential, getCredential, storedSecretNames, updateCredential } from "./credential-store";

let context: GuardContext;
/** A host that accepts requests and never answers; records when each request's connection closes. */
let silent: Server;
let silentOrigin: string;
const closed: number[] = [];
const opened: number[] = [];
const userAgents: Array<string | undefined> = [];

beforeAll(async () => {
  silent = createServer((request: IncomingMessage) => {
    opened.push(Date.now());
    userAgents.push(request.headers["user-agent"]);
    request.socket.on("close", () => closed.push(Date.now()));
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentOrigin = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  process.env.JUMPCLOUD_ALLOWED_ORIGINS = silentOrigin;
  process.env.CREDENTIAL_TEST_TIMEOUT_SECONDS = "2";
  resetEnvCache();
  const user = await db.user.create({ data: { email: `status-${randomBytes(4).toString("hex")}@example.com`, name: "Status", passwordHash: "x", role: "admin" } });
  context = { user: { id: user.id, email: user.email, name: user.name, role: "admin", mustChangePassword: false }, ip: "127.0.0.1" };
});

afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
  delete process.env.CREDENTIAL_TEST_TIMEOUT_SECONDS;
  resetEnvCache();
  await db.$disconnect();
});

const unique = (prefix: string) => `${prefix}-${randomBytes(3).toString("hex")}`;
const example = (name: string, token: string) => ({ name, description: "", service: "example", authType: "token", fields: { token } });

describe("the listed status is the test of the values saved", () => {
  it("a form test of exactly the saved values becomes the new credential's status", async () => {
    const form = example(unique("tested"), "good-token-123");
    const outcome = await testFormValues(form, context);
    expect(outcome).toMatchObject({ ok: true, receipt: expect.any(String) as unknown });
    const created = await createCredential({ ...form, testReceipt: outcome.receipt }, context);
    expect(created).toMatchObject({ lastTestOk: true, lastTestMessage: outcome.message });
    expect(created.lastTestedAt?.toISOString()).toBe(outcome.testedAt);
  });

  it("a receipt for other values, another credential, or a tampered one is ignored", async () => {
    const outcome = await testFormValues(example("x", "good-token-123"), context);
    const other = await createCredential({ ...example(unique("other"), "good-token-456"), testReceipt: outcome.receipt }, context);
    expect(other.lastTestOk).toBeNull();
    const tampered = `${outcome.receipt!.slice(0, -4)}AAAA`;
    expect((await createCredential({ ...example(unique("tampered"), "good-token-123"), testReceipt: tampered }, context)).lastTestOk).toBeNull();
    const saved = await createCredential(example(unique("saved"), "good-token-123"), context);
    const moved = await updateCredential({ ...example(saved.name, ""), id: saved.id, expectedVersion: saved.version, testReceipt: outcome.receipt }, context);
    expect(moved.lastTestOk).toBeNull(); // issued for a new credential, not this one
  });

  it("replacing a secret after a passing test shows that test, not the old failure", async () => {
    const saved = await createCredential(example(unique("replaced"), "revoked-token-1"), context);
    expect((await testSavedCredential(saved.id, context)).headline).toBe("Invalid token");
    expect((await getCredential(saved.id)).lastTestMessage).toContain("Invalid token");

    const form = { ...example(saved.name, "good-token-789"), id: saved.id };
    const outcome = await testFormValues(form, context);
    const updated = await updateCredential({ ...form, expectedVersion: saved.version, testReceipt: outcome.receipt }, context);
    expect(updated).toMatchObject({ lastTestOk: true, lastTestMessage: outcome.message });
  });

  it("a replaced secret saved without a test is Not tested; a rename keeps the status", async () => {
    const saved = await createCredential(example(unique("untested"), "revoked-token-2"), context);
    await testSavedCredential(saved.id, context);
    const renamed = await updateCredential({ ...example(`${saved.name}-renamed`, ""), id: saved.id, expectedVersion: saved.version }, context);
    expect(renamed.lastTestOk).toBe(false);
    const replaced = await updateCredential({ ...example(renamed.name, "good-token-000"), id: saved.id, expectedVersion: renamed.version }, context);
    expect(replaced).toMatchObject({ lastTestOk: null, lastTestMessage: null, lastTestedAt: null });
  });
});

describe("stored secrets", () => {
  const PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";
  const systemContext = (name: string, fields: Record<string, string>) => ({
    name,
    description: "",
    service: "jumpcloud",
    authType: "systemContext",
    fields: { systemId: "5a1b2c3d4e5f67890abcdef1", region: "us", ...fields },
  });

  it("only secrets that were entered count as stored", async () => {
    const signed = await createCredential(systemContext(unique("signed"), { date: "Tue, 10 Nov 2009 23:00:00 GMT", signature: "c2lnbmF0dXJl" }), context);
    expect(await storedSecretNames(signed.id)).toEqual(["signature"]);
    const keyed = await createCredential(systemContext(unique("keyed"), { privateKeyPem: PEM }), context);
    expect(await storedSecretNames(keyed.id)).toEqual(["privateKeyPem"]);
  });

  it("an optional stored secret can be cleared; a required one cannot, and nothing is lost on refusal", async () => {
    const both = await createCredential(systemContext(unique("both"), { privateKeyPem: PEM, date: "Tue, 10 Nov 2009 23:00:00 GMT", signature: "c2lnbmF0dXJl" }), context);
    const cleared = await updateCredential(
      { ...systemContext(both.name, { date: "Tue, 10 Nov 2009 23:00:00 GMT" }), id: both.id, expectedVersion: both.version, clearSecrets: ["privateKeyPem"] },
      context,
    );
    expect(await storedSecretNames(cleared.id)).toEqual(["signature"]);

    const apiKey = await createCredential({ name: unique("key"), description: "", service: "jumpcloud", authType: "apiKey", fields: { apiKey: "k".repeat(24), region: "us" } }, context);
    const refused = await updateCredential(
      { name: apiKey.name, description: "", service: "jumpcloud", authType: "apiKey", fields: { region: "us" }, id: apiKey.id, expectedVersion: apiKey.version, clearSecrets: ["apiKey"] },
      context,
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(CredentialError);
    expect((refused as CredentialError).message).toContain("API Key is required");
    expect(await storedSecretNames(apiKey.id)).toEqual(["apiKey"]);

    // Clearing the only way left to sign is refused by the auth type's own rule.
    const keyedOnly = await createCredential(systemContext(unique("only"), { privateKeyPem: PEM }), context);
    await expect(
      updateCredential({ ...systemContext(keyedOnly.name, {}), id: keyedOnly.id, expectedVersion: keyedOnly.version, clearSecrets: ["privateKeyPem"] }, context),
    ).rejects.toMatchObject({ message: expect.stringContaining("Private Key is required") as unknown });
  });
});

describe("Test Connection is bounded and cancellable", () => {
  const silentKey = () => ({ name: "silent", description: "", service: "jumpcloud", authType: "apiKey", fields: { apiKey: "k".repeat(24), region: "us", baseUrl: silentOrigin } });

  it("gives up after CREDENTIAL_TEST_TIMEOUT_SECONDS in all, retries included", async () => {
    const started = Date.now();
    const outcome = await testFormValues(silentKey(), context);
    const took = Date.now() - started;
    expect(outcome).toMatchObject({ ok: false, headline: "Timed out", kind: "timeout" });
    expect(outcome.message).toContain("within 2 s");
    expect(took).toBeGreaterThanOrEqual(1_900);
    expect(took).toBeLessThan(8_000);
    // Every outbound request names the app and its version (package.json).
    expect(userAgents.at(-1)).toMatch(/^jumpcloud-connection-manager\/\d+\.\d+\.\d+$/);
  });

  it("Cancel stops the test and its outbound request at once; nothing is stored", async () => {
    const saved = await createCredential({ ...silentKey(), name: unique("cancel") }, context);
    const controller = new AbortController();
    const before = opened.length;
    const pending = testSavedCredential(saved.id, context, controller.signal);
    await expect.poll(() => opened.length, { timeout: 10_000 }).toBeGreaterThan(before);
    const cancelledAt = Date.now();
    controller.abort();
    const outcome = await pending;
    expect(outcome).toMatchObject({ ok: false, headline: "Cancelled", kind: "cancelled" });
    // The silent host saw the connection close right away, not after the timeout.
    await expect.poll(() => closed.some((at) => at >= cancelledAt && at - cancelledAt < 1_000), { timeout: 5_000 }).toBe(true);
    expect((await getCredential(saved.id)).lastTestedAt).toBeNull();
  });
});

describe("a stored secret only goes to the host it was entered for", () => {
  let recorder: Server;
  let recorderOrigin: string;
  const keysSeen: string[] = [];

  beforeAll(async () => {
    recorder = createServer((request, response) => {
      keysSeen.push(String(request.headers["x-api-key"]));
      response.writeHead(401, { "content-type": "application/json" }).end('{"message":"Unauthorized"}');
    });
    await new Promise<void>((resolve) => recorder.listen(0, "127.0.0.1", resolve));
    recorderOrigin = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
    process.env.JUMPCLOUD_ALLOWED_ORIGINS = `${silentOrigin},${recorderOrigin}`;
    resetEnvCache();
  });
  afterAll(async () => {
    await new Promise((resolve) => recorder.close(resolve));
  });

  const storedKey = "stored-key-".padEnd(40, "s");
  const saved = () =>
    createCredential({ name: unique("moved"), description: "", service: "jumpcloud", authType: "apiKey", fields: { apiKey: storedKey, region: "us", baseUrl: silentOrigin } }, context);
  const form = (credential: { id: string; name: string }, fields: Record<string, string>) => ({
    id: credential.id,
    name: "Someone else's name",
    description: "",
    service: "jumpcloud",
    authType: "apiKey",
    fields: { region: "us", baseUrl: silentOrigin, ...fields },
  });

  it("Test Connection with a changed base URL or region refuses until the secret is entered again", async () => {
    const credential = await saved();
    for (const moved of [{ baseUrl: recorderOrigin }, { baseUrl: "", region: "eu" }] as Array<Record<string, string>>) {
      const refused = await testFormValues(form(credential, moved), context).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(CredentialError);
      expect((refused as CredentialError).message).toContain("The region or base URL changed, so the stored API Key will not be sent to the new host");
      expect((refused as CredentialError).fieldErrors).toEqual({ apiKey: "Enter the API Key again for the new host" });
    }
    expect(keysSeen).toEqual([]);

    const entered = await testFormValues(form(credential, { baseUrl: recorderOrigin, apiKey: "entered-again-".padEnd(40, "e") }), context);
    expect(entered.ok).toBe(false);
    expect(keysSeen).toEqual(["entered-again-".padEnd(40, "e")]);
  }, 30_000);

  it("saving a changed host without the secret is refused and changes nothing", async () => {
    const credential = await saved();
    const refused = updateCredential({ ...form(credential, { baseUrl: recorderOrigin }), name: credential.name, expectedVersion: credential.version }, context);
    await expect(refused).rejects.toMatchObject({ fieldErrors: { apiKey: "Enter the API Key again for the new host" } });
    expect((await getCredential(credential.id)).settings).toMatchObject({ baseUrl: silentOrigin });
  });

  it("a test is audited under the stored credential's name and id, not the name the form sent", async () => {
    const credential = await saved();
    await testFormValues(form(credential, { baseUrl: recorderOrigin, apiKey: "entered-again-".padEnd(40, "e") }), context);
    const event = await db.auditEvent.findFirst({ where: { action: "credential.tested", actorId: context.user.id }, orderBy: { createdAt: "desc" } });
    expect(event).toMatchObject({ target: credential.name, metadata: expect.objectContaining({ credentialId: credential.id, saved: false }) as unknown });
  });
});
