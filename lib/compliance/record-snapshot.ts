// Finalises a snapshot in one transaction: the observed statuses are compared with each pair's current state in
// SQL, and only the pairs whose state changed get a transition (and an update). Safe to run twice: a snapshot
// that is already final changes nothing, and an older observation never overwrites a newer one.
import "server-only";
import type pg from "pg";
import { sqlPool } from "@/lib/database/sql-pool";
import type { ObservedState } from "@/lib/integrations/compliance-contract";
import { alertRulesSchema, matchAlertRules, type AlertMatch, type AlertRule, type SnapshotOutcome } from "./alert-rules";

export const FINAL_STATUSES = ["success", "partial", "failed", "superseded"] as const;
export type SnapshotStatus = "queued" | "running" | (typeof FINAL_STATUSES)[number];

export interface ObservedPair {
  policyId: string;
  systemId: string;
  state: ObservedState;
  detail?: string;
  resultAt?: string;
}

export interface PolicyError {
  policyId: string;
  policyName: string;
  kind: string;
  message: string;
}

export interface Observation {
  snapshotId: string;
  monitorId: string;
  observedAt: Date;
  /** Policies in scope whose names were listed (their pairs are compared). */
  policies: Array<{ id: string; name: string }>;
  pairs: ObservedPair[];
  /** Hostnames of systems, from the integration's systems lookup (absent: the names stored stay). */
  hostnames?: Array<{ systemId: string; hostname: string }>;
  /** Policies whose status listing failed: their known pairs become unknown. */
  failedPolicies: PolicyError[];
  /** Nothing could be read (credential or policy list failed): every known pair becomes unknown. */
  failure?: { kind: string; message: string };
  requests: number;
  pages: number;
  durationMs: number;
  alertRules: readonly AlertRule[];
}

export interface RecordedSnapshot {
  status: SnapshotStatus;
  /** False when the snapshot was already final (a repeated job): nothing was written. */
  written: boolean;
  transitions: number;
  newFailures: number;
  /** Pairs that went from failing to passing. */
  recovered: number;
  counts: { passing: number; failing: number; pending: number; unknown: number };
  alerts: AlertMatch[];
}

/** Policy errors kept on the snapshot row; the count is always exact. */
const MAX_STORED_ERRORS = 50;

const APPLY_CHANGES = `
  WITH target AS (
    SELECT p.id, p.state AS old,
      CASE
        WHEN o.state IS NOT NULL THEN o.state
        WHEN $2::boolean OR p."policyId" = ANY($3::text[]) THEN 'unknown'::"ComplianceState"
        ELSE 'removed'::"ComplianceState"
      END AS new,
      o.detail, o.result_at
    FROM "CompliancePair" p
    LEFT JOIN observed o ON o.policy_id = p."policyId" AND o.system_id = p."systemId"
    WHERE p."monitorId" = $1 AND (o.state IS NOT NULL OR p.state IS DISTINCT FROM 'removed')
  ), changed AS (
    -- known_before: the state before an unknown spell (an outage), so a pair failing before and after it is not
    -- a new failure, and one that failed before it and passes after it has recovered.
    SELECT target.*,
      CASE WHEN old = 'unknown' THEN (
        SELECT k.state FROM "ComplianceTransition" k WHERE k."pairId" = target.id AND k.state <> 'unknown' ORDER BY k.at DESC LIMIT 1
      ) ELSE old END AS known_before
    FROM target WHERE old IS DISTINCT FROM new
  ), logged AS (
    INSERT INTO "ComplianceTransition" ("pairId", at, state, previous, detail, "resultAt")
    SELECT id, $4, new, old, detail, result_at FROM changed
    RETURNING state
  ), updated AS (
    UPDATE "CompliancePair" p SET state = c.new, since = $4, detail = c.detail, "resultAt" = c.result_at
    FROM changed c WHERE p.id = c.id
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM logged)::int AS transitions,
         (SELECT count(*) FROM changed WHERE new = 'failing' AND known_before IS DISTINCT FROM 'failing')::int AS new_failures,
         (SELECT count(*) FROM changed WHERE new = 'passing' AND known_before = 'failing')::int AS recovered,
         (SELECT count(*) FROM updated)::int AS updated`;

const COUNT_STATES = `
  SELECT count(*) FILTER (WHERE state = 'passing')::int AS passing,
         count(*) FILTER (WHERE state = 'failing')::int AS failing,
         count(*) FILTER (WHERE state = 'pending')::int AS pending,
         count(*) FILTER (WHERE state = 'unknown')::int AS unknown
  FROM "CompliancePair" WHERE "monitorId" = $1`;

function statusOf(observation: Observation): "success" | "partial" | "failed" {
  if (observation.failure) return "failed";
  return observation.failedPolicies.length > 0 ? "partial" : "success";
}

function summaryMessage(observation: Observation): { errorKind: string | null; errorMessage: string | null } {
  if (observation.failure) return { errorKind: observation.failure.kind, errorMessage: observation.failure.message };
  const failed = observation.failedPolicies.length;
  if (failed === 0) return { errorKind: null, errorMessage: null };
  const total = observation.policies.length;
  return {
    errorKind: "policiesFailed",
    errorMessage: `${failed} of ${total} ${total === 1 ? "policy" : "policies"} could not be read; their pairs are unknown until the next snapshot.`,
  };
}

/**
 * The monitor's last finished snapshot, and the rate of the last one that had one, for edge-triggered rules. A
 * snapshot whose job died on every retry observed nothing: it stands at the instant it was scheduled for.
 */
async function previousOutcome(client: pg.PoolClient, monitorId: string, snapshotId: string): Promise<SnapshotOutcome["previous"]> {
  const rows = await client.query<{ status: "success" | "partial" | "failed"; rate: number | null }>(
    `SELECT s.status,
       (SELECT 100.0 * r.passing / nullif(r.passing + r.failing + r.pending, 0) FROM "ComplianceSnapshot" r
        WHERE r."monitorId" = $1 AND r.id <> $2 AND r.status IN ('success', 'partial') AND r.passing + r.failing + r.pending > 0
        ORDER BY r."observedAt" DESC LIMIT 1)::float8 AS rate
     FROM "ComplianceSnapshot" s
     WHERE s."monitorId" = $1 AND s.id <> $2 AND s.status IN ('success', 'partial', 'failed')
     ORDER BY coalesce(s."observedAt", s."scheduledFor") DESC LIMIT 1`,
    [monitorId, snapshotId],
  );
  return rows.rows[0] ?? null;
}

/**
 * A snapshot whose job failed on every retry: `failed` with the last error instead of left running, and the monitor's
 * snapshotFailed rule met as for any failed snapshot (once, when the monitor crosses into failing). False when the
 * snapshot was already final, so its alerts are raised once.
 */
export async function recordAbandonedSnapshot(snapshotId: string, errorMessage: string): Promise<boolean> {
  return inTransaction(async (client) => {
    const failed = await client.query<{ monitorId: string; alertRules: unknown }>(
      `UPDATE "ComplianceSnapshot" s SET status = 'failed', "finishedAt" = now(), "errorKind" = 'jobFailed', "errorMessage" = $2
       FROM "Monitor" m WHERE s.id = $1 AND s.status IN ('queued', 'running') AND m.id = s."monitorId"
       RETURNING s."monitorId" AS "monitorId", m."alertRules" AS "alertRules"`,
      [snapshotId, errorMessage.slice(0, 1000)],
    );
    const row = failed.rows[0];
    if (!row) return false;
    const previous = await previousOutcome(client, row.monitorId, snapshotId);
    const outcome = { status: "failed" as const, passing: 0, failing: 0, pending: 0, unknown: 0, newFailures: 0, previous };
    const alerts = matchAlertRules(alertRulesSchema.catch([]).parse(row.alertRules), outcome);
    if (alerts.length > 0) await client.query(`UPDATE "ComplianceSnapshot" SET alerts = $2 WHERE id = $1`, [snapshotId, JSON.stringify(alerts)]);
    return true;
  });
}

async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await sqlPool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export async function recordSnapshot(observation: Observation): Promise<RecordedSnapshot> {
  const { snapshotId, monitorId, observedAt } = observation;
  return inTransaction(async (client) => {
    // One finaliser per monitor at a time, so transitions are applied in the order they were observed.
    const monitor = await client.query(`SELECT id FROM "Monitor" WHERE id = $1 FOR UPDATE`, [monitorId]);
    const current = await client.query<{ status: string; passing: number; failing: number; pending: number; unknown: number; transitions: number }>(
      `SELECT status, passing, failing, pending, unknown, transitions FROM "ComplianceSnapshot" WHERE id = $1 FOR UPDATE`,
      [snapshotId],
    );
    const row = current.rows[0];
    if (monitor.rowCount === 0 || !row || (FINAL_STATUSES as readonly string[]).includes(row.status)) {
      const { passing = 0, failing = 0, pending = 0, unknown = 0, transitions = 0 } = row ?? {};
      return { status: (row?.status ?? "failed") as SnapshotStatus, written: false, transitions, newFailures: 0, recovered: 0, counts: { passing, failing, pending, unknown }, alerts: [] };
    }

    const common = [snapshotId, observedAt, observation.requests, observation.pages, observation.durationMs, observation.policies.length];
    const newer = await client.query(
      `SELECT 1 FROM "ComplianceSnapshot" WHERE "monitorId" = $1 AND id <> $2 AND status IN ('success', 'partial', 'failed') AND "observedAt" > $3 LIMIT 1`,
      [monitorId, snapshotId, observedAt],
    );
    if (newer.rowCount) {
      await client.query(
        `UPDATE "ComplianceSnapshot" SET status = 'superseded', "observedAt" = $2, requests = $3, pages = $4, "durationMs" = $5, policies = $6,
           "finishedAt" = now(), "errorMessage" = 'A newer snapshot of this monitor finished first; this one changed nothing.' WHERE id = $1`,
        common,
      );
      return { status: "superseded", written: true, transitions: 0, newFailures: 0, recovered: 0, counts: { passing: 0, failing: 0, pending: 0, unknown: 0 }, alerts: [] };
    }

    if (observation.policies.length > 0) {
      await client.query(
        `INSERT INTO "CompliancePolicy" ("monitorId", "policyId", name, "lastSeenAt")
         SELECT $1, id, name, $4 FROM unnest($2::text[], $3::text[]) AS p(id, name)
         ON CONFLICT ("monitorId", "policyId") DO UPDATE SET name = excluded.name, "lastSeenAt" = excluded."lastSeenAt"`,
        [monitorId, observation.policies.map((p) => p.id), observation.policies.map((p) => p.name), observedAt],
      );
    }
    const pairs = observation.pairs;
    await client.query(`CREATE TEMP TABLE observed (policy_id text, system_id text, state "ComplianceState", detail text, result_at timestamptz) ON COMMIT DROP`);
    await client.query(
      `INSERT INTO observed SELECT * FROM unnest($1::text[], $2::text[], $3::"ComplianceState"[], $4::text[], $5::timestamptz[])`,
      [pairs.map((p) => p.policyId), pairs.map((p) => p.systemId), pairs.map((p) => p.state), pairs.map((p) => p.detail ?? null), pairs.map((p) => p.resultAt ?? null)],
    );
    await client.query(`ANALYZE observed`);
    const hostnames = observation.hostnames ?? [];
    await client.query(
      `INSERT INTO "ComplianceSystem" ("monitorId", "systemId", "lastSeenAt", hostname)
       SELECT $1, o.system_id, $2::timestamptz, h.hostname FROM (SELECT DISTINCT system_id FROM observed) o
       LEFT JOIN unnest($3::text[], $4::text[]) AS h(id, hostname) ON h.id = o.system_id
       ON CONFLICT ("monitorId", "systemId") DO UPDATE SET "lastSeenAt" = excluded."lastSeenAt", hostname = coalesce(excluded.hostname, "ComplianceSystem".hostname)`,
      [monitorId, observedAt, hostnames.map((h) => h.systemId), hostnames.map((h) => h.hostname)],
    );
    await client.query(
      `INSERT INTO "CompliancePair" ("monitorId", "policyId", "systemId", since) SELECT $1, policy_id, system_id, $2 FROM observed ON CONFLICT DO NOTHING`,
      [monitorId, observedAt],
    );
    const previous = await previousOutcome(client, monitorId, snapshotId);
    const applied = await client.query<{ transitions: number; new_failures: number; recovered: number }>(APPLY_CHANGES, [
      monitorId,
      observation.failure !== undefined,
      observation.failedPolicies.map((p) => p.policyId),
      observedAt,
    ]);
    const { transitions, new_failures: newFailures, recovered } = applied.rows[0]!;
    const counts = (await client.query<RecordedSnapshot["counts"]>(COUNT_STATES, [monitorId])).rows[0]!;

    const status = statusOf(observation);
    const alerts = matchAlertRules(observation.alertRules, { status, ...counts, newFailures, recovered, previous });
    const { errorKind, errorMessage } = summaryMessage(observation);
    await client.query(
      `UPDATE "ComplianceSnapshot" SET status = $7, "observedAt" = $2, requests = $3, pages = $4, "durationMs" = $5, policies = $6,
         "policiesFailed" = $8, passing = $9, failing = $10, pending = $11, unknown = $12, transitions = $13,
         "errorKind" = $14, "errorMessage" = $15, errors = $16, alerts = $17, "finishedAt" = now()
       WHERE id = $1`,
      [
        ...common,
        status,
        observation.failedPolicies.length,
        counts.passing,
        counts.failing,
        counts.pending,
        counts.unknown,
        transitions,
        errorKind,
        errorMessage,
        observation.failedPolicies.length > 0 ? JSON.stringify(observation.failedPolicies.slice(0, MAX_STORED_ERRORS)) : null,
        alerts.length > 0 ? JSON.stringify(alerts) : null,
      ],
    );
    return { status, written: true, transitions, newFailures, recovered, counts, alerts };
  });
}
