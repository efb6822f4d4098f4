import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { OLD_KEYS_VARIABLE, type Keyring } from "./keyring";

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a sealed secret is bound to: a ciphertext copied to another row or service fails to open. */
export interface SecretAad {
  credentialId: string;
  service: string;
}

export interface SecretBoxOptions {
  keyring: Keyring;
  aad: SecretAad;
}

export type SecretBoxErrorKind = "cannotDecrypt" | "unknownKey";

/** A failed open. The message names the key id, never the key or the plaintext. */
export class SecretBoxError extends Error {
  readonly name = "SecretBoxError";
  constructor(
    readonly kind: SecretBoxErrorKind,
    readonly keyId: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

interface Envelope {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/**
 * Encrypts a secret (a string or a JSON object) with the keyring's primary key into
 * `v1.<kid>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export function seal(plaintext: string | Record<string, unknown>, { keyring, aad }: SecretBoxOptions): string {
  const keyId = keyring.primaryKeyId;
  const key = keyring.keyFor(keyId);
  if (key === undefined) throw new SecretBoxError("unknownKey", keyId, `primary key "${keyId}" is not in the keyring`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(encodeAad(keyId, aad));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(plaintext), "utf8"), cipher.final()]);
  return [VERSION, keyId, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** Decrypts an envelope made by `seal` for the same credential and service; returns the sealed value. */
export function open(envelope: string, { keyring, aad }: SecretBoxOptions): unknown {
  const parsed = parseEnvelope(envelope);
  const key = keyring.keyFor(parsed.keyId);
  if (key === undefined) {
    throw new SecretBoxError(
      "unknownKey",
      parsed.keyId,
      `the secret was encrypted with key "${parsed.keyId}", which is not configured; add it to ${OLD_KEYS_VARIABLE}`,
    );
  }
  let text: string;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, parsed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(encodeAad(parsed.keyId, aad));
    decipher.setAuthTag(parsed.tag);
    text = Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw cannotDecrypt(parsed.keyId, "authentication failed (wrong key, altered data, or a secret copied from another credential)");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw cannotDecrypt(parsed.keyId, "the decrypted secret is not valid JSON");
  }
}

/** The key id an envelope was sealed with, without decrypting it (for rotation and the key-id column). */
export function envelopeKeyId(envelope: string): string {
  return parseEnvelope(envelope).keyId;
}

function parseEnvelope(envelope: string): Envelope {
  const parts = envelope.split(".");
  const [version, keyId, iv, tag, ciphertext] = parts;
  if (parts.length !== 5 || version === undefined || keyId === undefined || iv === undefined || tag === undefined || ciphertext === undefined) {
    throw cannotDecrypt(undefined, "the stored secret is not a v1 envelope");
  }
  if (version !== VERSION) throw cannotDecrypt(undefined, `unsupported envelope version "${version.slice(0, 8)}"`);
  if (keyId === "") throw cannotDecrypt(undefined, "the stored secret is not a v1 envelope");
  const decoded = { keyId, iv: decodeCanonical(iv), tag: decodeCanonical(tag), ciphertext: decodeCanonical(ciphertext) };
  if (decoded.iv.length !== IV_BYTES || decoded.tag.length !== TAG_BYTES) {
    throw cannotDecrypt(keyId, "the envelope's IV or tag has the wrong length");
  }
  return decoded;
}

// Base64url has spare bits in its last character; insisting on the canonical form means any edit
// to the stored string is detected, not only edits that change the decoded bytes.
function decodeCanonical(part: string): Buffer {
  const bytes = Buffer.from(part, "base64url");
  if (bytes.toString("base64url") !== part) throw cannotDecrypt(undefined, "the stored secret is not a v1 envelope");
  return bytes;
}

// The key id is authenticated too, so an envelope cannot be relabelled to another key id.
function encodeAad(keyId: string, aad: SecretAad): Buffer {
  return Buffer.from(JSON.stringify([VERSION, keyId, aad.service, aad.credentialId]), "utf8");
}

function cannotDecrypt(keyId: string | undefined, reason: string): SecretBoxError {
  const subject = keyId === undefined ? "cannot decrypt the stored secret" : `cannot decrypt the stored secret (key "${keyId}")`;
  return new SecretBoxError("cannotDecrypt", keyId, `${subject}: ${reason}`);
}
