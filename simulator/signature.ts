import { createSign, createVerify } from "node:crypto";
import { unauthorized } from "./auth";
import type { HttpError } from "./http-io";

/** System Context: draft-cavage HTTP signatures over "request-line date", RSA-SHA256 (api-notes section 3). */

export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface SignatureParams {
  keyId: string;
  algorithm: string;
  headers: string;
  signature: string;
}

export function isSignatureAuthorization(header: string | undefined): boolean {
  return /^Signature\s/i.test(header ?? "");
}

export function parseSignatureHeader(header: string): SignatureParams | null {
  if (!isSignatureAuthorization(header)) return null;
  const params: Record<string, string> = {};
  for (const match of header.replace(/^Signature\s+/i, "").matchAll(/([A-Za-z]+)="([^"]*)"/g)) {
    if (match[1] !== undefined && match[2] !== undefined) params[match[1]] = match[2];
  }
  const { keyId, algorithm, headers, signature } = params;
  if (!keyId || !signature) return null;
  return { keyId, algorithm: algorithm ?? "", headers: headers ?? "", signature };
}

export interface SignedRequest {
  method: string;
  /** Path from /api…, including the query string, exactly as sent. */
  pathWithQuery: string;
  authorization: string;
  date: string | undefined;
}

/** Returns the id of the system that signed, or throws a 401 that says what was wrong (never echoing the signature). */
export function verifySystemSignature(request: SignedRequest, publicKeyFor: (systemId: string) => string | null, nowMs: number): string {
  const fail = (detail: string): HttpError => unauthorized(detail);
  const params = parseSignatureHeader(request.authorization);
  if (!params) throw fail("malformed Signature authorization header");
  const keyMatch = /^system\/([0-9a-f]{24})$/.exec(params.keyId);
  if (!keyMatch?.[1]) throw fail('keyId must be "system/<systemId>"');
  if (params.algorithm.toLowerCase() !== "rsa-sha256") throw fail('algorithm must be "rsa-sha256"');
  if (params.headers.toLowerCase().trim() !== "request-line date") throw fail('headers must be "request-line date"');
  if (!request.date) throw fail("System Context requires a Date header");
  const dateMs = Date.parse(request.date);
  if (Number.isNaN(dateMs)) throw fail("Date header is not a valid HTTP date");
  if (Math.abs(nowMs - dateMs) > MAX_CLOCK_SKEW_MS) {
    throw fail(`Date header is more than ${MAX_CLOCK_SKEW_MS / 60_000} minutes away from the server clock; sign with the current time`);
  }
  const systemId = keyMatch[1];
  const publicKey = publicKeyFor(systemId);
  if (!publicKey) throw fail("system is not enrolled for System Context");
  const signed = `${request.method} ${request.pathWithQuery} HTTP/1.1\ndate: ${request.date}`;
  let valid = false;
  try {
    valid = createVerify("RSA-SHA256").update(signed).verify(publicKey, params.signature, "base64");
  } catch {
    valid = false;
  }
  if (!valid) throw fail("signature verification failed");
  return systemId;
}

/** Builds System Context headers the way the JumpCloud agent's scripts do (used by tests and benchmarks). */
export function signSystemRequest(input: { method: string; pathWithQuery: string; systemId: string; privateKeyPem: string; date?: string }): { date: string; authorization: string } {
  const date = input.date ?? new Date().toUTCString();
  const signature = createSign("RSA-SHA256").update(`${input.method} ${input.pathWithQuery} HTTP/1.1\ndate: ${date}`).sign(input.privateKeyPem, "base64");
  return {
    date,
    authorization: `Signature keyId="system/${input.systemId}",headers="request-line date",algorithm="rsa-sha256",signature="${signature}"`,
  };
}
