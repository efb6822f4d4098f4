import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { thrown } from "@/lib/testing/thrown";
import { fingerprintKey, Keyring } from "./keyring";
import { envelopeKeyId, open, seal, SecretBoxError } from "./secret-box";

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const ringA = new Keyring({ keyId: "a", key: keyA });
const aad = { credentialId: "cred_1", service: "jumpcloud" };
const secret = { type: "apiKey", apiKey: "jca_0123456789abcdef0123456789abcdef" };

function expectNoSecretIn(error: SecretBoxError, ...keys: Buffer[]): void {
  const shown = [error.message, String(error.stack), JSON.stringify(error), inspect(error)].join("\n");
  expect(shown).not.toContain(secret.apiKey);
  for (const key of keys) {
    expect(shown).not.toContain(key.toString("base64"));
    expect(shown).not.toContain(key.toString("base64url"));
    expect(shown).not.toContain(key.toString("hex"));
  }
}

describe("secret box", () => {
  it("round-trips objects and strings", () => {
    expect(open(seal(secret, { keyring: ringA, aad }), { keyring: ringA, aad })).toEqual(secret);
    expect(open(seal("plain text ✓", { keyring: ringA, aad }), { keyring: ringA, aad })).toBe("plain text ✓");
  });

  it("writes a self-describing v1 envelope with the key id and no plaintext", () => {
    const envelope = seal(secret, { keyring: ringA, aad });
    expect(envelope).toMatch(/^v1\.a\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(envelopeKeyId(envelope)).toBe("a");
    expect(envelope).not.toContain(secret.apiKey);
  });

  it("uses a fresh IV for every write", () => {
    const first = seal(secret, { keyring: ringA, aad });
    const second = seal(secret, { keyring: ringA, aad });
    expect(first).not.toBe(second);
    expect(first.split(".")[2]).not.toBe(second.split(".")[2]);
  });

  it("refuses any single altered character of the envelope", () => {
    const envelope = seal(secret, { keyring: ringA, aad });
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let index = 0; index < envelope.length; index += 1) {
      const char = envelope[index]!;
      if (char === ".") continue;
      const replacement = alphabet[(alphabet.indexOf(char) + 1) % alphabet.length]!;
      const tampered = envelope.slice(0, index) + replacement + envelope.slice(index + 1);
      const error = thrown(SecretBoxError, () => open(tampered, { keyring: ringA, aad }));
      // Changing the key id yields an unknown key; everything else fails authentication.
      expect(["cannotDecrypt", "unknownKey"]).toContain(error.kind);
      expectNoSecretIn(error, keyA);
    }
  });

  it("refuses every flipped bit of the ciphertext, tag and IV", () => {
    const envelope = seal(secret, { keyring: ringA, aad });
    const parts = envelope.split(".");
    for (const partIndex of [2, 3, 4]) {
      const bytes = Buffer.from(parts[partIndex]!, "base64url");
      for (let byte = 0; byte < bytes.length; byte += 1) {
        const copy = Buffer.from(bytes);
        copy[byte]! ^= 0x01;
        const tampered = [...parts.slice(0, partIndex), copy.toString("base64url"), ...parts.slice(partIndex + 1)].join(".");
        expect(thrown(SecretBoxError, () => open(tampered, { keyring: ringA, aad })).kind).toBe("cannotDecrypt");
      }
    }
  });

  it("refuses an envelope copied to another credential or service", () => {
    const envelope = seal(secret, { keyring: ringA, aad });
    for (const other of [
      { credentialId: "cred_2", service: "jumpcloud" },
      { credentialId: "cred_1", service: "okta" },
      { credentialId: "jumpcloud", service: "cred_1" },
    ]) {
      const error = thrown(SecretBoxError, () => open(envelope, { keyring: ringA, aad: other }));
      expect(error.kind).toBe("cannotDecrypt");
      expect(error.message).toContain('key "a"');
      expectNoSecretIn(error, keyA);
    }
  });

  it("refuses a relabelled key id even when both keys are known", () => {
    const ring = new Keyring({ keyId: "a", key: keyA }, [{ keyId: "b", key: keyA }]);
    const envelope = seal(secret, { keyring: ring, aad });
    const relabelled = envelope.replace(/^v1\.a\./, "v1.b.");
    expect(thrown(SecretBoxError, () => open(relabelled, { keyring: ring, aad })).kind).toBe("cannotDecrypt");
  });

  it("opens with an old key after the primary changes", () => {
    const envelope = seal(secret, { keyring: ringA, aad });
    const rotated = new Keyring({ keyId: "b", key: keyB }, [{ keyId: "a", key: keyA }]);
    expect(open(envelope, { keyring: rotated, aad })).toEqual(secret);
    expect(envelopeKeyId(seal(secret, { keyring: rotated, aad }))).toBe("b");
  });

  it("names an unknown key id without revealing anything else", () => {
    const envelope = seal(secret, { keyring: ringA, aad });
    const error = thrown(SecretBoxError, () => open(envelope, { keyring: new Keyring({ keyId: "b", key: keyB }), aad }));
    expect(error.kind).toBe("unknownKey");
    expect(error.keyId).toBe("a");
    expect(error.message).toContain('"a"');
    expectNoSecretIn(error, keyA, keyB);
  });

  it("fails with cannotDecrypt under a wrong key with the same id", () => {
    const envelope = seal(secret, { keyring: ringA, aad });
    const error = thrown(SecretBoxError, () => open(envelope, { keyring: new Keyring({ keyId: "a", key: keyB }), aad }));
    expect(error.kind).toBe("cannotDecrypt");
    expectNoSecretIn(error, keyA, keyB);
  });

  it("rejects malformed envelopes as cannotDecrypt", () => {
    for (const bad of ["", "garbage", "v2.a.b.c.d", "v1..AAAA.AAAA.AAAA", "v1.a.!!.AA.AA", "v1.a.AAAA.AAAA.AAAA"]) {
      expect(thrown(SecretBoxError, () => open(bad, { keyring: ringA, aad })).kind).toBe("cannotDecrypt");
    }
  });

  it("keeps key bytes out of logs and JSON of the keyring", () => {
    const shown = `${inspect(ringA, { depth: 10, showHidden: true })}${JSON.stringify(ringA)}`;
    expect(shown).not.toContain(keyA.toString("base64"));
    expect(shown).not.toContain(keyA.toString("hex"));
    expect(JSON.parse(JSON.stringify(ringA))).toEqual({ primaryKeyId: "a", keyIds: ["a"] });
    expect(fingerprintKey(keyA)).toMatch(/^[0-9a-f]{8}$/);
  });
});
