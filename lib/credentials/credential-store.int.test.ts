import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GuardContext } from "@/lib/auth/guard";
import { Keyring, parseKeySpec } from "@/lib/crypto/keyring";
import { open } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { CredentialError } from "./credential-errors";
import { createCredential, getCredential, listCredentials, openSecrets, updateCredential } from "./credential-store";
import { rotateCredentialKey } from "./rotate-credential-key";

const CANARY = `canary-${randomBytes(12).toString("hex")}`;
let context: GuardContext;

beforeAll(async () => {
  const user = await db.user.create({
    data: { email: `store-${randomBytes(4).toString("hex")}@example.com`, name: "Store Tester", passwordHash: "x", role: "admin" },
  });
  context = { user: { id: user.id, email: user.email, name: user.name, role: "admin", mustChangePassword: false }, ip: "127.0.0.1" };
});

afterAll(async () => {
  await db.$disconnect();
});

const form = (name: string, apiKey = CANARY) => ({
  name,
  description: "",
  service: "jumpcloud",
  authType: "apiKey",
  fields: { apiKey, orgId: "6019e7803f227aabf38d00a0", region: "eu" },
});

describe("credential store", () => {
  it("seals the key, keeps settings in clear, and never returns the envelope", async () => {
    const created = await createCredential(form("store-a"), context);
    expect(created.settings).toEqual({ region: "eu", orgId: "6019e7803f227aabf38d00a0" });
    expect(JSON.stringify(created)).not.toContain(CANARY);
    expect(JSON.stringify(await listCredentials())).not.toContain("secretEnvelope");
    expect(await db.credential.findUniqueOrThrow({ where: { id: created.id } })).not.toHaveProperty("secretEnvelope");
    const row = await db.credential.findUniqueOrThrow({ where: { id: created.id }, omit: { secretEnvelope: false } });
    expect(row.secretEnvelope).not.toContain(CANARY);
    expect(openSecrets(row)).toEqual({ apiKey: CANARY });
  });

  it("refuses a duplicate name with a field message", async () => {
    await expect(createCredential(form("store-a"), context)).rejects.toMatchObject({ kind: "conflict", fieldErrors: { name: expect.any(String) } });
  });

  it("an edit that leaves the secret empty keeps it; a stale version is refused and changes nothing", async () => {
    const created = await createCredential(form("store-b"), context);
    const updated = await updateCredential({ ...form("store-b renamed", ""), id: created.id, expectedVersion: created.version }, context);
    expect(updated.version).toBe(created.version + 1);
    expect(openSecrets(await db.credential.findUniqueOrThrow({ where: { id: created.id }, omit: { secretEnvelope: false } }))).toEqual({ apiKey: CANARY });

    const stale = updateCredential({ ...form("store-b stale", "other-key-123456"), id: created.id, expectedVersion: created.version }, context);
    await expect(stale).rejects.toBeInstanceOf(CredentialError);
    await expect(stale).rejects.toMatchObject({ kind: "conflict" });
    expect((await getCredential(created.id)).name).toBe("store-b renamed");
  });

  it("a ciphertext copied to another row cannot be opened there", async () => {
    const a = await db.credential.findUniqueOrThrow({ where: { name: "store-a" }, omit: { secretEnvelope: false } });
    const b = await db.credential.findUniqueOrThrow({ where: { name: "store-b renamed" }, omit: { secretEnvelope: false } });
    expect(() => openSecrets({ ...b, secretEnvelope: a.secretEnvelope })).toThrow(/Cannot decrypt the credential "store-b renamed"/);
  });

  it("rotation re-encrypts every credential under the new key once, and a second run changes nothing", async () => {
    // Other test files share this database (some with hand-made rows), so assert on this file's rows.
    const ours = ["store-a", "store-b renamed"];
    const envelopes = async () =>
      (await db.credential.findMany({ where: { name: { in: ours } }, omit: { secretEnvelope: false }, orderBy: { name: "asc" } })).map((r) => ({
        keyId: r.keyId,
        envelope: r.secretEnvelope,
      }));
    const oldKey = parseKeySpec(process.env.CREDENTIALS_ENCRYPTION_KEY!, "test");
    const newKeyring = new Keyring({ keyId: "rotated", key: randomBytes(32) }, [oldKey]);
    const before = await envelopes();

    const first = await rotateCredentialKey(db, newKeyring);
    expect(first.reEncrypted).toBeGreaterThanOrEqual(ours.length);
    expect(first.failed.map((f) => f.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^store-/)]));
    const afterFirst = await envelopes();
    expect(afterFirst.map((r) => r.keyId)).toEqual(["rotated", "rotated"]);
    expect(afterFirst.map((r) => r.envelope)).not.toEqual(before.map((r) => r.envelope));

    const second = await rotateCredentialKey(db, newKeyring);
    expect(second.alreadyCurrent).toBeGreaterThanOrEqual(ours.length);
    expect(await envelopes()).toEqual(afterFirst);

    const newOnly = new Keyring({ keyId: "rotated", key: newKeyring.keyFor("rotated")!.export() });
    const row = await db.credential.findUniqueOrThrow({ where: { name: "store-a" }, omit: { secretEnvelope: false } });
    expect(open(row.secretEnvelope, { keyring: newOnly, aad: { credentialId: row.id, service: row.service } })).toEqual({ apiKey: CANARY });
  });
});
