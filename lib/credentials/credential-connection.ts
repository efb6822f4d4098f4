import "server-only";
import { recordAuditEvent } from "@/lib/audit/audit-log";
import type { GuardContext } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ClientOptions, IntegrationClient, IntegrationDefinition } from "@/lib/integrations/types";
import { CredentialError } from "./credential-errors";
import { requireService, splitFields, validateFields } from "./credential-fields";
import type { CredentialTest } from "./credential-input";
import { findSealedCredential, mergeWithStored, openSecrets, readSealedCredential, type CredentialLookup } from "./credential-store";
import { RunBudget } from "@/lib/request-budget/run-budget";
import { sharedRequestBudget } from "@/lib/request-budget/shared-budget";
import { allowedOrigins } from "./outbound-allow-list";
import { OUTBOUND_USER_AGENT } from "./outbound-user-agent";
import { issueTestReceipt, testColumns } from "./test-receipt";

export interface TestOutcome {
  ok: boolean;
  /** A short verdict, e.g. "Invalid API key". */
  headline: string;
  /** What happened and what to do; never a secret. */
  message: string;
  guidance?: string;
  kind?: string;
  latencyMs: number;
  testedAt: string;
}

/**
 * One Test Connection, bounded by CREDENTIAL_TEST_TIMEOUT_SECONDS in all (retries included) and stopped as soon as
 * `signal` aborts (the admin pressed Cancel): the outbound request is aborted, not left to finish.
 */
async function runTest(authType: string, serviceId: string, fields: Record<string, string>, signal?: AbortSignal): Promise<TestOutcome> {
  const service = requireService(serviceId);
  const { auth, connection } = validateFields(service, authType, fields);
  const seconds = env().CREDENTIAL_TEST_TIMEOUT_SECONDS;
  const deadline = AbortSignal.timeout(seconds * 1000);
  const client = service.createClient({ auth, connection, allowedOrigins: allowedOrigins(), userAgent: OUTBOUND_USER_AGENT, timeoutMs: seconds * 1000 });
  const result = await client.testConnection({ signal: signal ? AbortSignal.any([signal, deadline]) : deadline });
  const testedAt = new Date().toISOString();
  if (result.ok) return { ok: true, headline: "Connected", message: result.message, latencyMs: result.latencyMs, testedAt };
  if (signal?.aborted) {
    return { ok: false, headline: "Cancelled", message: "Test Connection was cancelled before an answer came back.", kind: "cancelled", latencyMs: result.latencyMs, testedAt };
  }
  if (deadline.aborted) {
    return {
      ok: false,
      headline: "Timed out",
      message: `No answer within ${seconds} s: the host is slow or does not answer (the limit is CREDENTIAL_TEST_TIMEOUT_SECONDS).`,
      guidance: "Check the region or base URL and the server's network access, then test again.",
      kind: "timeout",
      latencyMs: result.latencyMs,
      testedAt,
    };
  }
  const { error } = result;
  return {
    ok: false,
    headline: service.testHeadline(error.kind, authType),
    message: error.message,
    ...(error.guidance ? { guidance: error.guidance } : {}),
    kind: error.kind,
    latencyMs: result.latencyMs,
    testedAt,
  };
}

/**
 * A test of a stored credential is logged under its stored name and id (the name a form sends is only a claim);
 * an unsaved one under the name typed so far.
 */
async function audit(outcome: TestOutcome, credential: { id?: string; name: string }, { user, ip }: GuardContext, saved: boolean) {
  await recordAuditEvent({
    actor: user,
    action: "credential.tested",
    target: credential.name,
    outcome: outcome.ok ? "success" : "failure",
    metadata: { saved, latencyMs: outcome.latencyMs, ...(credential.id ? { credentialId: credential.id } : {}), ...(outcome.kind ? { kind: outcome.kind } : {}) },
    ip,
  });
}

/** Test Connection on a saved credential; the outcome is stored for the list's status badge (a cancelled one is not). */
export async function testSavedCredential(id: string, context: GuardContext, signal?: AbortSignal): Promise<TestOutcome> {
  const row = await findSealedCredential({ id });
  if (!row) throw new CredentialError("notFound", "That credential no longer exists. Reload the list.");
  const settings = row.settings as Record<string, string>;
  let outcome: TestOutcome;
  try {
    outcome = await runTest(row.authType, row.service, { ...settings, ...openSecrets(row) }, signal);
  } catch (error) {
    if (!(error instanceof CredentialError)) throw error;
    outcome = { ok: false, headline: "Cannot use this credential", message: error.message, latencyMs: 0, testedAt: new Date().toISOString() };
  }
  if (outcome.kind !== "cancelled") await db.credential.update({ where: { id }, data: testColumns(outcome) });
  await audit(outcome, { id: row.id, name: row.name }, context, true);
  return outcome;
}

/**
 * Test Connection on the values in the form, before saving. For an existing credential, secrets left empty are
 * taken from the stored ones. The outcome is not stored yet: it comes with a receipt for exactly these values, and
 * saving them with it makes it the credential's status (test-receipt.ts).
 */
export async function testFormValues(form: CredentialTest, context: GuardContext, signal?: AbortSignal): Promise<TestOutcome & { receipt?: string }> {
  const service = requireService(form.service);
  const { fields, storedName } = await mergeWithStored(form.service, form.id, form.authType, form.fields, form.clearSecrets ?? []);
  const outcome = await runTest(form.authType, form.service, fields, signal);
  await audit(outcome, form.id && storedName !== undefined ? { id: form.id, name: storedName } : { name: form.name.slice(0, 100) || "(unsaved credential)" }, context, false);
  if (outcome.kind === "cancelled") return outcome;
  const { settings, secrets } = splitFields(service, form.authType, fields);
  return { ...outcome, receipt: issueTestReceipt({ service: service.id, credentialId: form.id, authType: form.authType, fields: { ...settings, ...secrets } }, outcome) };
}

/**
 * Opens a saved credential (by id, or any filter that finds one) for a run: the decrypted secret goes straight
 * into the client, nowhere else. One query, since it sits on every run's path. Every client of one credential
 * draws on the credential's request budget, shared by all processes (builder runs, API runs and jobs alike).
 */
export async function clientForCredential(
  which: string | CredentialLookup,
  options: Omit<ClientOptions, "auth" | "connection" | "allowedOrigins"> = {},
): Promise<{
  client: IntegrationClient;
  integration: IntegrationDefinition;
  credential: { id: string; name: string; authType: string; settings: Record<string, string> };
  /** The client's budget: a run draws its first slot ahead, beside its record (run-budget.ts). */
  budget: RunBudget;
}> {
  const row = await readSealedCredential(typeof which === "string" ? { id: which } : which);
  if (!row) throw new CredentialError("notFound", "The node's credential no longer exists. Choose another credential.");
  const service = requireService(row.service);
  const { auth, connection } = validateFields(service, row.authType, { ...row.settings, ...openSecrets(row) });
  const budget = new RunBudget(sharedRequestBudget(row.id));
  return {
    client: service.createClient({ userAgent: OUTBOUND_USER_AGENT, rateLimit: budget, ...options, auth, connection, allowedOrigins: allowedOrigins() }),
    budget,
    integration: service,
    credential: { id: row.id, name: row.name, authType: row.authType, settings: row.settings as Record<string, string> },
  };
}
