import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { thrown } from "@/lib/testing/thrown";
import {
  fingerprintKey,
  KeyringError,
  LOCAL_KEY_FILE,
  loadKeyring,
  loadOrCreateLocalKey,
  OLD_KEYS_VARIABLE,
  PRIMARY_KEY_VARIABLE,
} from "./keyring";

const key = randomBytes(32);
const oldKey = randomBytes(32);
const b64 = key.toString("base64");
const oldB64 = oldKey.toString("base64");
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "keyring-test-"));
afterAll(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

describe("loadKeyring from the environment", () => {
  it("uses the key's fingerprint as its id when none is given", () => {
    const ring = loadKeyring({ env: { [PRIMARY_KEY_VARIABLE]: b64 } });
    expect(ring.primaryKeyId).toBe(fingerprintKey(key));
    expect(loadKeyring({ env: { [PRIMARY_KEY_VARIABLE]: ` ${b64}\n` } }).primaryKeyId).toBe(ring.primaryKeyId);
  });

  it("accepts kid:base64, base64url, and old keys for decryption", () => {
    const ring = loadKeyring({
      env: {
        [PRIMARY_KEY_VARIABLE]: `k2026:${key.toString("base64url")}`,
        [OLD_KEYS_VARIABLE]: `k2025:${oldB64}, ${randomBytes(32).toString("base64")}`,
      },
    });
    expect(ring.primaryKeyId).toBe("k2026");
    expect(ring.keyIds).toHaveLength(3);
    expect(ring.has("k2025")).toBe(true);
  });

  it.each([
    ["missing", {}, PRIMARY_KEY_VARIABLE, "missing"],
    ["empty", { [PRIMARY_KEY_VARIABLE]: "  " }, PRIMARY_KEY_VARIABLE, "missing"],
    ["too short", { [PRIMARY_KEY_VARIABLE]: randomBytes(16).toString("base64") }, PRIMARY_KEY_VARIABLE, "length"],
    ["too long", { [PRIMARY_KEY_VARIABLE]: randomBytes(48).toString("base64") }, PRIMARY_KEY_VARIABLE, "length"],
    ["hex", { [PRIMARY_KEY_VARIABLE]: key.toString("hex") }, PRIMARY_KEY_VARIABLE, "encoding"],
    ["not base64", { [PRIMARY_KEY_VARIABLE]: "this is not base64!" }, PRIMARY_KEY_VARIABLE, "encoding"],
    ["bad kid", { [PRIMARY_KEY_VARIABLE]: `bad.kid:${b64}` }, PRIMARY_KEY_VARIABLE, "keyId"],
    ["bad old key", { [PRIMARY_KEY_VARIABLE]: b64, [OLD_KEYS_VARIABLE]: `old:${randomBytes(31).toString("base64")}` }, OLD_KEYS_VARIABLE, "length"],
    ["empty old entry", { [PRIMARY_KEY_VARIABLE]: b64, [OLD_KEYS_VARIABLE]: `old:${oldB64},,` }, OLD_KEYS_VARIABLE, "encoding"],
    ["same kid twice", { [PRIMARY_KEY_VARIABLE]: `k:${b64}`, [OLD_KEYS_VARIABLE]: `k:${oldB64}` }, "keyring", "conflict"],
  ] as const)("refuses a %s key, naming the variable and never the key", (_label, env, variable, reason) => {
    const error = thrown(KeyringError, () => loadKeyring({ env }));
    expect(error.reason).toBe(reason);
    expect(error.message.startsWith(variable)).toBe(true);
    for (const value of Object.values(env)) {
      const material = value.includes(":") ? value.split(":").pop()! : value;
      if (material.trim().length > 8) expect(error.message).not.toContain(material.trim());
    }
  });

  it("explains the length in bytes", () => {
    const error = thrown(KeyringError, () => loadKeyring({ env: { [PRIMARY_KEY_VARIABLE]: randomBytes(16).toString("base64") } }));
    expect(error.message).toContain("16 bytes");
    expect(error.message).toContain("32");
  });

  it("prefers the variable over the local key file", () => {
    const dir = path.join(tempRoot, "prefer");
    const ring = loadKeyring({ env: { [PRIMARY_KEY_VARIABLE]: `env:${b64}` }, localKeyDir: dir });
    expect(ring.primaryKeyId).toBe("env");
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe.skipIf(process.platform === "win32")("loadOrCreateLocalKey", () => {
  it("creates a private key file once and reuses it", () => {
    const dir = path.join(tempRoot, "nested", "keys");
    const first = loadOrCreateLocalKey(dir);
    const file = path.join(dir, LOCAL_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(first.key).toHaveLength(32);
    const second = loadOrCreateLocalKey(dir);
    expect(Buffer.from(second.key).equals(Buffer.from(first.key))).toBe(true);
    expect(second.keyId).toBe(first.keyId);
    expect(fs.readdirSync(dir)).toEqual([LOCAL_KEY_FILE]);
    expect(loadKeyring({ env: {}, localKeyDir: dir }).primaryKeyId).toBe(first.keyId);
  });

  it("refuses a key file others can read", () => {
    const dir = path.join(tempRoot, "loose");
    loadOrCreateLocalKey(dir);
    const file = path.join(dir, LOCAL_KEY_FILE);
    fs.chmodSync(file, 0o644);
    const error = thrown(KeyringError, () => loadOrCreateLocalKey(dir));
    expect(error.reason).toBe("permissions");
    expect(error.message).toContain(file);
    expect(error.message).toContain("644");
    expect(error.message).not.toContain(fs.readFileSync(file, "utf8").trim());
  });

  it("refuses a key file of the wrong length", () => {
    const dir = path.join(tempRoot, "short");
    fs.mkdirSync(dir, { mode: 0o700 });
    const file = path.join(dir, LOCAL_KEY_FILE);
    fs.writeFileSync(file, randomBytes(20).toString("base64"), { mode: 0o600 });
    const error = thrown(KeyringError, () => loadOrCreateLocalKey(dir));
    expect(error.reason).toBe("length");
    expect(error.message).toContain(file);
    expect(error.message).toContain("20 bytes");
  });
});
