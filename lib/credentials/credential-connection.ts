import "server-only";
import { recordAuditEvent } from "@/lib/audit/audit-log";
import type { GuardContext } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClientOptions, IntegrationClient, IntegrationDefinition } from "@/lib/integrations/types";
import { CredentialError } from "./credential-errors";
import { requireService, validateFields } from "./credential-fields";
import type { CredentialForm } from "./credential-input";
import { findSealedCredential, mergeWithStored, openSecrets } from "./credential-store";
import { allowedOrigins } from "./outbound-allow-list";
import { OUTBOUND_USER_AGENT } from "./outbound-user-agent";

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

async function runTest(authType: string, serviceId: string, fields: Record<string, string>): Promise<TestOutcome> {
  const service = requireService(serviceId);
  const { auth, connection } = validateFields(service, authType, fields);
  const result = await service.createClient({ auth, connection, allowedOrigins: allowedOrigins(), userAgent: OUTBOUND_USER_AGENT }).testConnection();
  const testedAt = new Date().toISOString();
  if (result.ok) return { ok: true, headline: "Connected", message: result.message, latencyMs: result.latencyMs, testedAt };
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

async function audit(outcome: TestOutcome, target: string, { user, ip }: GuardContext, saved: boolean) {
  await recordAuditEvent({
    actor: user,
    action: "credential.tested",
    target,
    outcome: outcome.ok ? "success" : "failure",
    metadata: { saved, latencyMs: outcome.latencyMs, ...(outcome.kind ? { kind: outcome.kind } : {}) },
    ip,
  });
}

/** Test Connection on a saved credential; the outcome is stored for the list's status badge. */
export async function testSavedCredential(id: string, context: GuardContext): Promise<TestOutcome> {
  const row = await findSealedCredential({ id });
  if (!row) throw new CredentialError("notFound", "That credential no longer exists. Reload the list.");
  const settings = row.settings as Record<string, string>;
  let outcome: TestOutcome;
  try {
    outcome = await runTest(row.authType, row.service, { ...settings, ...openSecrets(row) });
  } catch (error) {
    if (!(error instanceof CredentialError)) throw error;
    outcome = { ok: false, headline: "Cannot use this credential", message: error.message, latencyMs: 0, testedAt: new Date().toISOString() };
  }
  await db.credential.update({
    where: { id },
    data: {
      lastTestOk: outcome.ok,
      lastTestKind: outcome.kind ?? null,
      lastTestMessage: outcome.ok ? outcome.message : `${outcome.headline}: ${outcome.message}`,
      lastTestLatencyMs: outcome.latencyMs,
      lastTestedAt: new Date(outcome.testedAt),
    },
  });
  await audit(outcome, row.name, context, true);
  return outcome;
}

/**
 * Test Connection on the values in the form, before saving. For an existing credential, secrets left empty
 * are taken from the stored ones; the result is not stored because the values may differ from the saved ones.
 */
export async function testFormValues(form: CredentialForm & { id?: string }, context: GuardContext): Promise<TestOutcome> {
  const fields = await mergeWithStored(form.id, form.authType, form.fields);
  const outcome = await runTest(form.authType, form.service, fields);
  await audit(outcome, form.name || "(unsaved credential)", context, false);
  return outcome;
}

/**
 * Opens a saved credential (by id, or any filter that finds one) for a run: the decrypted secret goes straight
 * into the client, nowhere else. One query, since it sits on every run's path.
 */
export async function clientForCredential(
  which: string | Prisma.CredentialWhereInput,
  options: Omit<ClientOptions, "auth" | "connection" | "allowedOrigins"> = {},
): Promise<{ client: IntegrationClient; integration: IntegrationDefinition; credential: { id: string; name: string; authType: string } }> {
  const row = await findSealedCredential(typeof which === "string" ? { id: which } : which);
  if (!row) throw new CredentialError("notFound", "The node's credential no longer exists. Choose another credential.");
  const service = requireService(row.service);
  const { auth, connection } = validateFields(service, row.authType, { ...(row.settings as Record<string, string>), ...openSecrets(row) });
  return {
    client: service.createClient({ userAgent: OUTBOUND_USER_AGENT, ...options, auth, connection, allowedOrigins: allowedOrigins() }),
    integration: service,
    credential: { id: row.id, name: row.name, authType: row.authType },
  };
}
