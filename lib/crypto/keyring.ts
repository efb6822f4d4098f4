import { createHash, createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const PRIMARY_KEY_VARIABLE = "CREDENTIALS_ENCRYPTION_KEY";
export const OLD_KEYS_VARIABLE = "CREDENTIALS_ENCRYPTION_KEYS_OLD";
export const LOCAL_KEY_FILE = "credentials.key";

const KEY_BYTES = 32;
// Key ids are written into envelopes separated by ".", so they must never contain one.
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;
const HEX_KEY_PATTERN = /^[0-9a-fA-F]{64}$/;

export type KeyringErrorReason = "missing" | "encoding" | "length" | "keyId" | "conflict" | "permissions";

/** A configuration problem with the encryption keys. Names the source (variable or file), never the key. */
export class KeyringError extends Error {
  readonly name = "KeyringError";
  constructor(
    readonly source: string,
    readonly reason: KeyringErrorReason,
    detail: string,
  ) {
    super(`${source}: ${detail}`);
  }
}

export interface KeyringEntry {
  keyId: string;
  key: Uint8Array;
}

/**
 * The keys the secret box may use: one primary for new envelopes plus older keys that can still open
 * existing ones. Key bytes live in a private field as KeyObjects, so logging or serialising a keyring
 * (or an error holding one) never prints them.
 */
export class Keyring {
  readonly primaryKeyId: string;
  readonly #keys: Map<string, KeyObject>;

  constructor(primary: KeyringEntry, older: readonly KeyringEntry[] = []) {
    this.#keys = new Map();
    const fingerprints = new Map<string, string>();
    for (const entry of [primary, ...older]) {
      if (!KEY_ID_PATTERN.test(entry.keyId)) {
        throw new KeyringError("keyring", "keyId", `key id "${entry.keyId}" must be 1-32 characters of A-Z a-z 0-9 _ -`);
      }
      if (entry.key.length !== KEY_BYTES) {
        throw new KeyringError("keyring", "length", `key "${entry.keyId}" is ${entry.key.length} bytes; it must be ${KEY_BYTES}`);
      }
      const fingerprint = fingerprintKey(entry.key);
      const existing = fingerprints.get(entry.keyId);
      if (existing !== undefined && existing !== fingerprint) {
        throw new KeyringError("keyring", "conflict", `key id "${entry.keyId}" is used for two different keys`);
      }
      fingerprints.set(entry.keyId, fingerprint);
      if (!this.#keys.has(entry.keyId)) this.#keys.set(entry.keyId, createSecretKey(Buffer.from(entry.key)));
    }
    this.primaryKeyId = primary.keyId;
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  has(keyId: string): boolean {
    return this.#keys.has(keyId);
  }

  /** For the secret box only. */
  keyFor(keyId: string): KeyObject | undefined {
    return this.#keys.get(keyId);
  }

  toJSON(): { primaryKeyId: string; keyIds: string[] } {
    return { primaryKeyId: this.primaryKeyId, keyIds: this.keyIds };
  }
}

/** A stable short id for a key: the first 8 hex digits of its SHA-256. */
export function fingerprintKey(key: Uint8Array): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** Generates a fresh key, printed as base64 for CREDENTIALS_ENCRYPTION_KEY. */
export function generateKeyBase64(): string {
  return randomBytes(KEY_BYTES).toString("base64");
}

/** Parses `base64` or `kid:base64` into a keyring entry; `source` names the variable or file in errors. */
export function parseKeySpec(spec: string, source: string): KeyringEntry {
  const text = spec.trim();
  if (text === "") throw new KeyringError(source, "missing", "is empty");
  const colon = text.indexOf(":");
  const explicitId = colon === -1 ? undefined : text.slice(0, colon).trim();
  const encoded = colon === -1 ? text : text.slice(colon + 1).trim();
  if (explicitId !== undefined && !KEY_ID_PATTERN.test(explicitId)) {
    throw new KeyringError(source, "keyId", "the key id before ':' must be 1-32 characters of A-Z a-z 0-9 _ -");
  }
  const key = decodeKey(encoded, source);
  return { keyId: explicitId ?? fingerprintKey(key), key };
}

function decodeKey(encoded: string, source: string): Uint8Array {
  if (HEX_KEY_PATTERN.test(encoded)) {
    throw new KeyringError(source, "encoding", "looks like hex; give the 32 bytes as base64 (for example `openssl rand -base64 32`)");
  }
  if (!BASE64_PATTERN.test(encoded)) {
    throw new KeyringError(source, "encoding", "is not valid base64 (expected 32 random bytes, for example `openssl rand -base64 32`)");
  }
  const key = Buffer.from(encoded, encoded.includes("-") || encoded.includes("_") ? "base64url" : "base64");
  if (key.length !== KEY_BYTES) {
    throw new KeyringError(source, "length", `decodes to ${key.length} bytes; it must be exactly ${KEY_BYTES} bytes`);
  }
  return key;
}

/** Parses the comma-separated list of older keys (each `kid:base64` or `base64`). */
export function parseOldKeys(value: string | undefined, source = OLD_KEYS_VARIABLE): KeyringEntry[] {
  if (value === undefined || value.trim() === "") return [];
  return value.split(",").map((part, index) => {
    if (part.trim() === "") throw new KeyringError(source, "encoding", `entry ${index + 1} is empty`);
    return parseKeySpec(part, `${source} (entry ${index + 1})`);
  });
}

export interface LoadKeyringOptions {
  /** The variables to read (the app passes its parsed configuration). */
  env: Record<string, string | undefined>;
  /** When the primary variable is unset, use (or create) `<localKeyDir>/credentials.key` instead of failing. */
  localKeyDir?: string;
}

/**
 * Builds the keyring from the environment at start-up. Any missing or malformed key throws a
 * KeyringError naming the variable, so the app refuses to start instead of failing on first use.
 */
export function loadKeyring(options: LoadKeyringOptions): Keyring {
  const env = options.env;
  const older = parseOldKeys(env[OLD_KEYS_VARIABLE]);
  const primarySpec = env[PRIMARY_KEY_VARIABLE];
  if (primarySpec !== undefined && primarySpec.trim() !== "") {
    return new Keyring(parseKeySpec(primarySpec, PRIMARY_KEY_VARIABLE), older);
  }
  if (options.localKeyDir !== undefined) {
    return new Keyring(loadOrCreateLocalKey(options.localKeyDir), older);
  }
  throw new KeyringError(
    PRIMARY_KEY_VARIABLE,
    "missing",
    "is not set; set it to 32 random bytes in base64 (for example `openssl rand -base64 32`)",
  );
}

/**
 * The embedded default: a key generated once into `<dir>/credentials.key` (mode 0600, directory 0700)
 * and reused afterwards. A file that others can read, or that does not hold 32 bytes, is refused.
 */
export function loadOrCreateLocalKey(dir: string): KeyringEntry {
  const file = path.join(dir, LOCAL_KEY_FILE);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) createKeyFile(file);
  return readKeyFile(file);
}

function createKeyFile(file: string): void {
  // Write to a private temp file, then link it into place: a concurrent starter either wins the link
  // or sees EEXIST and reads the winner's complete file, never a half-written one.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const fd = fs.openSync(temp, "wx", 0o600);
  try {
    fs.writeFileSync(fd, `${generateKeyBase64()}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.unlinkSync(temp);
  }
}

function readKeyFile(file: string): KeyringEntry {
  const stat = fs.lstatSync(file);
  if (!stat.isFile()) {
    throw new KeyringError(file, "permissions", "is not a regular file");
  }
  if (process.platform !== "win32" && (stat.mode & 0o077) !== 0) {
    const mode = (stat.mode & 0o777).toString(8).padStart(3, "0");
    throw new KeyringError(file, "permissions", `has mode ${mode}; it must be readable by its owner only (chmod 600)`);
  }
  return parseKeySpec(fs.readFileSync(file, "utf8"), file);
}
