// One drift check: read the baseline's policies through its credential, diff each against the baseline's current
// version, add the compliance regressions of the baseline's systems (from the latest snapshot of a monitor on the
// same credential), then record the result in one transaction: new items open, items still found stay open with
// their since-when, items no longer found resolve. A policy that could not be read leaves its items as they were.
import "server-only";
import { clientForCredential } from "@/lib/credentials/credential-connection";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DriftFinding, PolicyState } from "@/lib/integrations/baseline-contract";
import { getIntegration } from "@/lib/integrations/registry";
import { policiesOf } from "./baseline-store";
import { complianceRegressions } from "./compliance-regressions";
import { errorFacts, readPolicies, ReadCancelled, type PolicyReadError } from "./read-policies";

export const FINAL_CHECK_STATUSES = ["success", "partial", "failed"] as const;
const MAX_STORED_ERRORS = 50;

export interface CheckOutcome {
  checkId: string;
  status?: string;
  open?: number;
  opened?: number;
  resolved?: number;
  /** The items this check found for the first time. */
  openedIds?: string[];
  /** Why nothing ran: the check is gone (its baseline was deleted) or was already final. */
  skipped?: "gone" | "final";
}

interface Gathered {
  findings: DriftFinding[];
  errors: PolicyReadError[];
  requests: number;
  policies: number;
  failure?: { kind: string; message: string };
}

/** An item side for a JSON column: absent is JSON null. */
const json = (value: unknown) => (value === undefined || value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue));

async function gather(baseline: { credentialId: string | null; orgId: string | null }, policies: PolicyState[], capturedAt: Date, signal: AbortSignal): Promise<Gathered> {
  const nothing = { findings: [], errors: [], requests: 0, policies: policies.length };
  if (!baseline.credentialId) return { ...nothing, failure: { kind: "credentialMissing", message: "The baseline's credential was deleted; capture the baseline again through another credential." } };
  const credential = await db.credential.findUnique({ where: { id: baseline.credentialId }, select: { service: true } });
  const integration = credential ? getIntegration(credential.service) : undefined;
  const support = integration?.baselines;
  if (!integration || !support) return { ...nothing, failure: { kind: "unsupported", message: "The baseline's credential belongs to a service without policy baselines." } };
  try {
    const { client } = await clientForCredential(baseline.credentialId, { concurrency: 1 });
    const reading = await readPolicies(integration, support, client, policies.map((p) => p.id), { ...(baseline.orgId ? { orgId: baseline.orgId } : {}), signal });
    const findings = policies.filter((p) => reading.states.has(p.id)).flatMap((p) => support.diff(p, reading.states.get(p.id) ?? undefined));
    const regressions = await complianceRegressions({ credentialId: baseline.credentialId, orgId: baseline.orgId, policies, since: capturedAt });
    return { findings: [...findings, ...regressions], errors: reading.errors.map(({ cause: _cause, ...rest }) => rest), requests: reading.requests, policies: policies.length };
  } catch (error) {
    if (error instanceof ReadCancelled) throw error;
    return { ...nothing, failure: errorFacts(error) };
  }
}

/**
 * Runs the check `checkId` (a row created on demand or by the schedule). Idempotent: a final check is left alone,
 * so a job that runs again after a crash changes nothing twice. Throws ReadCancelled when `signal` aborts.
 */
export async function runDriftCheck(checkId: string, options: { signal?: AbortSignal } = {}): Promise<CheckOutcome> {
  const signal = options.signal ?? new AbortController().signal;
  const check = await db.driftCheck.findUnique({ where: { id: checkId }, include: { baseline: { select: { id: true, name: true, credentialId: true, orgId: true, currentVersion: true } } } });
  if (!check) return { checkId, skipped: "gone" };
  if ((FINAL_CHECK_STATUSES as readonly string[]).includes(check.status)) return { checkId, skipped: "final" };
  const { baseline } = check;
  const version = await db.baselineVersion.findUniqueOrThrow({ where: { baselineId_number: { baselineId: baseline.id, number: baseline.currentVersion } } });
  // Regressions count from the last time reality was adopted wholesale (a capture), not from each accepted item.
  const captured = await db.baselineVersion.findFirst({ where: { baselineId: baseline.id, reason: { in: ["captured", "recaptured"] } }, orderBy: { number: "desc" }, select: { createdAt: true } });
  await db.driftCheck.update({ where: { id: checkId }, data: { status: "running", attempts: { increment: 1 }, startedAt: check.startedAt ?? new Date(), baselineVersion: version.number } });

  const started = performance.now();
  const policies = policiesOf(version.policies);
  const gathered = await gather(baseline, policies, captured?.createdAt ?? version.createdAt, signal);
  const durationMs = Math.round(performance.now() - started);
  const now = new Date();

  const recorded = await db.$transaction(async (tx) => {
    // One check records at a time per baseline, and accept/revert wait for it: the item set stays consistent.
    await tx.$queryRaw`SELECT id FROM "Baseline" WHERE id = ${baseline.id} FOR UPDATE`;
    const status = gathered.failure ? "failed" : gathered.errors.length > 0 ? "partial" : "success";
    const base = { status, finishedAt: now, durationMs, requests: gathered.requests, policies: gathered.policies, errors: gathered.errors.length > 0 ? (gathered.errors.slice(0, MAX_STORED_ERRORS) as unknown as Prisma.InputJsonArray) : undefined };
    if (gathered.failure) {
      const open = await tx.driftItem.count({ where: { baselineId: baseline.id, status: "open" } });
      await tx.driftCheck.update({ where: { id: checkId }, data: { ...base, open, errorKind: gathered.failure.kind, errorMessage: gathered.failure.message.slice(0, 1000) } });
      return { status, open, opened: [] as string[], resolved: 0 };
    }
    const openItems = await tx.driftItem.findMany({ where: { baselineId: baseline.id, status: "open" }, select: { id: true, key: true, policyId: true, kind: true, actual: true } });
    const openByKey = new Map(openItems.map((item) => [item.key, item]));
    // A regression an editor accepted stays accepted while the pair keeps failing since the same instant.
    const accepted = new Set(
      (await tx.driftItem.findMany({ where: { baselineId: baseline.id, kind: "complianceRegression", resolution: "accepted" }, select: { key: true } })).map((item) => item.key),
    );
    const findings = gathered.findings.filter((f) => !(f.kind === "complianceRegression" && accepted.has(f.key)));
    const found = new Set(findings.map((f) => f.key));
    const unread = new Set(gathered.errors.map((e) => e.policyId));

    const opened: string[] = [];
    const stillOpen: string[] = [];
    for (const finding of findings) {
      const existing = openByKey.get(finding.key);
      if (existing) {
        stillOpen.push(existing.id);
        if (JSON.stringify(existing.actual) !== JSON.stringify(finding.actual ?? null)) {
          await tx.driftItem.update({ where: { id: existing.id }, data: { actual: json(finding.actual), expected: json(finding.expected), policyName: finding.policyName } });
        }
        continue;
      }
      const item = await tx.driftItem.create({
        data: {
          baselineId: baseline.id,
          key: finding.key,
          kind: finding.kind,
          policyId: finding.policyId,
          policyName: finding.policyName,
          subject: finding.subject,
          detail: finding.detail as Prisma.InputJsonObject,
          expected: json(finding.expected),
          actual: json(finding.actual),
          status: "open",
          firstSeenAt: now,
          firstCheckId: checkId,
          lastSeenAt: now,
          lastCheckId: checkId,
        },
        select: { id: true },
      });
      opened.push(item.id);
    }
    if (stillOpen.length > 0) await tx.driftItem.updateMany({ where: { id: { in: stillOpen } }, data: { lastSeenAt: now, lastCheckId: checkId } });
    const gone = openItems.filter((item) => !found.has(item.key) && !(unread.has(item.policyId) && item.kind !== "complianceRegression")).map((item) => item.id);
    if (gone.length > 0) await tx.driftItem.updateMany({ where: { id: { in: gone } }, data: { status: "resolved", resolution: "gone", resolvedAt: now } });
    const open = openItems.length - gone.length + opened.length;
    await tx.driftCheck.update({ where: { id: checkId }, data: { ...base, open, opened: opened.length, resolved: gone.length, errorKind: null, errorMessage: null } });
    return { status, open, opened, resolved: gone.length };
  });

  return { checkId, status: recorded.status, open: recorded.open, opened: recorded.opened.length, resolved: recorded.resolved, openedIds: recorded.opened };
}
