import "server-only";
import { createHash } from "node:crypto";
import { open, seal } from "@/lib/crypto/secret-box";
import { appKeyring } from "./app-keyring";
import type { TestOutcome } from "./credential-connection";

/**
 * A form's Test Connection outcome, sealed with the credentials key and bound to a digest of the exact values that
 * were tested (secrets included, so only the sealed form ever leaves the server). Saving the form hands it back:
 * when the saved values are the tested ones, the credential's status is that test, not "Not tested" or a stale
 * failure from before the secret was replaced. A receipt cannot be forged, moved to another credential or reused
 * for other values.
 */
const MAX_AGE_MS = 60 * 60_000;

interface Receipt {
  digest: string;
  outcome: TestOutcome;
}

/** Which credential a receipt belongs to: a saved one by id, or the new one being created. */
const binding = (service: string, credentialId: string | undefined) => ({ credentialId: `test-receipt:${credentialId ?? "new"}`, service });

/** The tested values as one digest: auth type and every non-empty field, in a fixed order. */
export function valuesDigest(authType: string, fields: Record<string, string>): string {
  const entries = Object.entries(fields)
    .map(([name, value]) => [name, value.trim()] as const)
    .filter(([, value]) => value !== "")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha256").update(JSON.stringify([authType, entries])).digest("base64url");
}

export function issueTestReceipt(input: { service: string; credentialId: string | undefined; authType: string; fields: Record<string, string> }, outcome: TestOutcome): string {
  const receipt: Receipt = { digest: valuesDigest(input.authType, input.fields), outcome };
  return seal(receipt as unknown as Record<string, unknown>, { keyring: appKeyring(), aad: binding(input.service, input.credentialId) });
}

/** The outcome a receipt vouches for, when it was issued for exactly these values of this credential, recently. */
export function readTestReceipt(
  receipt: string | undefined,
  input: { service: string; credentialId: string | undefined; authType: string; fields: Record<string, string> },
  now = Date.now(),
): TestOutcome | undefined {
  if (!receipt) return undefined;
  let opened: Receipt;
  try {
    opened = open(receipt, { keyring: appKeyring(), aad: binding(input.service, input.credentialId) }) as Receipt;
  } catch {
    return undefined; // tampered, another credential's, or sealed with a key no longer configured
  }
  if (opened.digest !== valuesDigest(input.authType, input.fields)) return undefined;
  const age = now - Date.parse(opened.outcome.testedAt);
  return age >= 0 && age <= MAX_AGE_MS ? opened.outcome : undefined;
}

/** The credential columns that hold a test outcome, for the list's status badge. */
export function testColumns(outcome: TestOutcome | undefined) {
  if (!outcome) return { lastTestOk: null, lastTestKind: null, lastTestMessage: null, lastTestLatencyMs: null, lastTestedAt: null };
  return {
    lastTestOk: outcome.ok,
    lastTestKind: outcome.kind ?? null,
    lastTestMessage: outcome.ok ? outcome.message : `${outcome.headline}: ${outcome.message}`,
    lastTestLatencyMs: outcome.latencyMs,
    lastTestedAt: new Date(outcome.testedAt),
  };
}
