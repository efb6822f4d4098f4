import { createHash, randomBytes } from "node:crypto";

/** Recognisable in logs and by secret scanners; the rest is 256 random bits. */
export const API_TOKEN_PREFIX = "jcm_";
const TOKEN_PATTERN = /^jcm_[A-Za-z0-9_-]{43}$/;

export interface NewApiToken {
  /** Shown once to its owner, never stored. */
  token: string;
  /** SHA-256 (hex): what the database keeps. A fast hash is enough for 256 random bits. */
  hash: string;
  /** The first characters, so the owner can tell tokens apart in the list. */
  prefix: string;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function generateApiToken(): NewApiToken {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 6) };
}

/** A cheap shape check before any database lookup. */
export function isApiTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
