// One snapshot of a monitor: the policy list, then every in-scope policy's statuses (returnAll, several policies
// at once within the credential's shared budget), then one transactional write of what changed. A policy whose
// listing fails leaves its pairs unknown; the snapshot still records everything else.
import "server-only";
import { setMaxListeners } from "node:events";
import { clientForCredential } from "@/lib/credentials/credential-connection";
import { db } from "@/lib/db";
import type { ComplianceSupport, OperationCall, PolicyRef } from "@/lib/integrations/compliance-contract";
import { validParameters } from "@/lib/integrations/parameters";
import { getIntegration, requireOperation } from "@/lib/integrations/registry";
import type { IntegrationClient, IntegrationDefinition, RunResult } from "@/lib/integrations/types";
import { alertRulesSchema } from "./alert-rules";
import { raiseSnapshotAlerts } from "./snapshot-alerts";
import { matchesScope, scopeFromStored } from "./monitor-scope";
import { FINAL_STATUSES, recordSnapshot, type ObservedPair, type PolicyError, type RecordedSnapshot } from "./record-snapshot";

/**
 * Policies whose statuses are listed at once; each listing pages concurrently inside the client too. Most
 * policies fit in one or two pages, so the speed comes from listing many at once; the credential's shared budget
 * bounds the rate however many run.
 */
export const POLICY_CONCURRENCY = 32;
/**
 * Pages in flight within one policy's listing: one, so each listing stops at its first short page as the sequential
 * loop does and no request of the budget goes to an empty tail page (a wider window cannot know where a list ends
 * and fetches some). The parallelism comes from listing many policies at once.
 */
const PAGE_CONCURRENCY = 1;

export class SnapshotCancelled extends Error {
  override readonly name = "SnapshotCancelled";
}

function errorFacts(error: unknown): { kind: string; message: string } {
  const { kind, message } = (error ?? {}) as { kind?: unknown; message?: unknown };
  return {
    kind: typeof kind === "string" ? kind : "failed",
    message: typeof message === "string" && message !== "" ? message : "The request failed.",
  };
}

/** Postgres cannot store U+0000 in text; a name or reason from the API must not break every snapshot. */
function withoutNul(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

interface Gathered {
  policies: PolicyRef[];
  pairs: ObservedPair[];
  failedPolicies: PolicyError[];
  failure?: { kind: string; message: string };
  pages: number;
  /** Requests of the calls that succeeded (a failed call's retries are not reported back by the client). */
  requests: number;
}

/** One call of the integration's client, validated like any other run. */
function runCall(integration: IntegrationDefinition, client: IntegrationClient, call: OperationCall, signal: AbortSignal): Promise<RunResult> {
  const op = requireOperation(integration, call.resource, call.operation);
  return client.run(op, validParameters(op, call.params), { signal });
}

async function gather(
  integration: IntegrationDefinition,
  support: ComplianceSupport,
  client: IntegrationClient,
  monitor: { orgId: string | null; scopeKind: string; scopePolicyIds: string[]; scopePattern: string | null },
  signal: AbortSignal,
): Promise<Gathered> {
  const orgId = monitor.orgId ?? undefined;
  let pages = 0;
  let requests = 0;
  let listed: PolicyRef[];
  try {
    const call = support.listPolicies(orgId);
    const result = await runCall(integration, client, call, signal);
    pages += result.meta.pages;
    requests += result.meta.requests;
    listed = result.items
      .map((item) => support.readPolicy(item))
      .filter((p): p is PolicyRef => p !== undefined)
      .map((p) => ({ id: p.id, name: withoutNul(p.name) }));
  } catch (error) {
    if (signal.aborted) throw new SnapshotCancelled("The snapshot was cancelled.");
    const facts = errorFacts(error);
    return { policies: [], pairs: [], failedPolicies: [], pages, requests, failure: { kind: facts.kind, message: `The policy list could not be read: ${facts.message}` } };
  }
  const scope = scopeFromStored(monitor);
  const policies = listed.filter((policy) => matchesScope(scope, policy));
  const pairs = new Map<string, ObservedPair>();
  const failedPolicies: PolicyError[] = [];
  await eachLimited(policies, POLICY_CONCURRENCY, async (policy) => {
    if (signal.aborted) return;
    const call = support.listStatuses(policy.id, orgId);
    try {
      const result = await runCall(integration, client, call, signal);
      pages += result.meta.pages;
      requests += result.meta.requests;
      for (const item of result.items) {
        const status = support.readStatus(item);
        if (status) {
          const detail = status.detail === undefined ? {} : { detail: withoutNul(status.detail) };
          pairs.set(`${policy.id}/${status.systemId}`, { policyId: policy.id, ...status, ...detail });
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      const facts = errorFacts(error);
      // A policy deleted between the list and its statuses is gone (its pairs are removed), not unknown.
      if (!support.policyGone(facts.kind)) failedPolicies.push({ policyId: policy.id, policyName: policy.name, ...facts });
    }
  });
  if (signal.aborted) throw new SnapshotCancelled("The snapshot was cancelled.");
  return { policies, pairs: [...pairs.values()], failedPolicies, pages, requests };
}

export interface SnapshotRun extends Partial<RecordedSnapshot> {
  snapshotId: string;
  /** Why nothing ran: the snapshot is gone (its monitor was deleted) or was already final. */
  skipped?: "gone" | "final";
}

/**
 * Takes the snapshot `snapshotId` (a row created by the schedule or "run now"). Idempotent: a snapshot that is
 * already final is left alone, so a job that runs again after a crash changes nothing twice. Throws
 * SnapshotCancelled when `signal` aborts, leaving the snapshot for the job's retry.
 */
export async function takeSnapshot(snapshotId: string, options: { signal?: AbortSignal } = {}): Promise<SnapshotRun> {
  const signal = options.signal ?? new AbortController().signal;
  // Every policy listing in flight listens for the cancellation.
  setMaxListeners(POLICY_CONCURRENCY + 10, signal);
  const snapshot = await db.complianceSnapshot.findUnique({ where: { id: snapshotId }, include: { monitor: { include: { credential: { select: { service: true } } } } } });
  if (!snapshot) return { snapshotId, skipped: "gone" };
  if ((FINAL_STATUSES as readonly string[]).includes(snapshot.status)) {
    // A retried job whose first run finished the snapshot but died before raising its alerts: raise them now
    // (each is keyed by the snapshot and rule, so ones already queued are not sent again).
    await raiseSnapshotAlerts(snapshotId);
    return { snapshotId, skipped: "final" };
  }
  const { monitor } = snapshot;
  await db.complianceSnapshot.update({
    where: { id: snapshotId },
    data: { status: "running", attempts: { increment: 1 }, startedAt: snapshot.startedAt ?? new Date() },
  });

  const started = performance.now();
  const observedAt = new Date();
  let gathered: Gathered;
  const nothing = { policies: [], pairs: [], failedPolicies: [], pages: 0, requests: 0 };
  const integration = monitor.credential ? getIntegration(monitor.credential.service) : undefined;
  const support = integration?.compliance;
  if (!monitor.credentialId || !monitor.credential) {
    gathered = { ...nothing, failure: { kind: "credentialMissing", message: "The monitor's credential was deleted; choose another credential for this monitor." } };
  } else if (!integration || !support) {
    gathered = { ...nothing, failure: { kind: "unsupported", message: "The monitor's credential belongs to a service without policy statuses." } };
  } else {
    try {
      const { client } = await clientForCredential(monitor.credentialId, { concurrency: PAGE_CONCURRENCY });
      gathered = await gather(integration, support, client, monitor, signal);
    } catch (error) {
      if (error instanceof SnapshotCancelled) throw error;
      gathered = { ...nothing, failure: errorFacts(error) };
    }
  }

  const recorded = await recordSnapshot({
    snapshotId,
    monitorId: monitor.id,
    observedAt,
    ...gathered,
    durationMs: Math.round(performance.now() - started),
    alertRules: alertRulesSchema.catch([]).parse(monitor.alertRules),
  });
  if (recorded.alerts.length > 0) await raiseSnapshotAlerts(snapshotId);
  return { snapshotId, ...recorded };
}
