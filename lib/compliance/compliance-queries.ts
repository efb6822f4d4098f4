// The dashboard's questions, answered in SQL: current compliance per monitor, failing systems per policy, pairs
// by state (now or at any past instant) with since-when, and the trend per hour or day. Current answers read the
// pairs' current rows; history reads the transitions; the trend reads the counts each snapshot stored.
import "server-only";
import { sqlPool } from "@/lib/database/sql-pool";
import { complianceRate } from "./alert-rules";

export const PAIR_STATES = ["passing", "failing", "pending", "unknown", "removed"] as const;
export type PairState = (typeof PAIR_STATES)[number];

export interface StateCounts {
  passing: number;
  failing: number;
  pending: number;
  unknown: number;
}

export interface MonitorCompliance extends StateCounts {
  monitorId: string;
  monitorName: string;
  /** Passing share of passing + failing + pending pairs, in percent (null without any). */
  complianceRate: number | null;
  lastSnapshot: { id: string; status: string; observedAt: string | null; finishedAt: string | null } | null;
}

const zero = (): StateCounts => ({ passing: 0, failing: 0, pending: 0, unknown: 0 });

/** Current counts per monitor (removed pairs are history, not counted) and their total. */
export async function complianceSummary(options: { monitorId?: string } = {}): Promise<{ monitors: MonitorCompliance[]; total: StateCounts & { complianceRate: number | null } }> {
  const { rows } = await sqlPool().query<{
    id: string; name: string; passing: number; failing: number; pending: number; unknown: number;
    snapshot_id: string | null; snapshot_status: string | null; observed_at: Date | null; finished_at: Date | null;
  }>(
    `SELECT m.id, m.name,
            coalesce(c.passing, 0) AS passing, coalesce(c.failing, 0) AS failing, coalesce(c.pending, 0) AS pending, coalesce(c.unknown, 0) AS unknown,
            s.id AS snapshot_id, s.status AS snapshot_status, s."observedAt" AS observed_at, s."finishedAt" AS finished_at
     FROM "Monitor" m
     LEFT JOIN LATERAL (
       SELECT count(*) FILTER (WHERE state = 'passing')::int AS passing, count(*) FILTER (WHERE state = 'failing')::int AS failing,
              count(*) FILTER (WHERE state = 'pending')::int AS pending, count(*) FILTER (WHERE state = 'unknown')::int AS unknown
       FROM "CompliancePair" p WHERE p."monitorId" = m.id AND p.state IS NOT NULL AND p.state <> 'removed'
     ) c ON true
     LEFT JOIN LATERAL (
       SELECT id, status, "observedAt", "finishedAt" FROM "ComplianceSnapshot"
       WHERE "monitorId" = m.id AND status IN ('success', 'partial', 'failed') ORDER BY "scheduledFor" DESC LIMIT 1
     ) s ON true
     WHERE ($1::text IS NULL OR m.id = $1)
     ORDER BY m.name`,
    [options.monitorId ?? null],
  );
  const total = zero();
  const monitors = rows.map((row): MonitorCompliance => {
    const counts = { passing: row.passing, failing: row.failing, pending: row.pending, unknown: row.unknown };
    for (const key of Object.keys(total) as Array<keyof StateCounts>) total[key] += counts[key];
    return {
      monitorId: row.id,
      monitorName: row.name,
      ...counts,
      complianceRate: complianceRate(counts),
      lastSnapshot: row.snapshot_id
        ? { id: row.snapshot_id, status: row.snapshot_status!, observedAt: row.observed_at?.toISOString() ?? null, finishedAt: row.finished_at?.toISOString() ?? null }
        : null,
    };
  });
  return { monitors, total: { ...total, complianceRate: complianceRate(total) } };
}

export interface PolicyFailures {
  monitorId: string;
  policyId: string;
  policyName: string | null;
  failing: number;
  /** Pairs of the policy that are not removed. */
  systems: number;
}

/**
 * Policies ordered by how many of their systems fail now. The failing pairs are counted from the (monitor, state,
 * policy) index alone; only the policies on the page then count their systems.
 */
export async function failingByPolicy(options: { monitorId?: string; limit?: number } = {}): Promise<PolicyFailures[]> {
  const { rows } = await sqlPool().query<{ monitor_id: string; policy_id: string; name: string | null; failing: number; systems: number }>(
    `WITH failing AS (
       SELECT "monitorId", "policyId", count(*)::int AS failing FROM "CompliancePair"
       WHERE state = 'failing' AND ($1::text IS NULL OR "monitorId" = $1)
       GROUP BY "monitorId", "policyId" ORDER BY failing DESC, "policyId" LIMIT $2
     )
     SELECT f."monitorId" AS monitor_id, f."policyId" AS policy_id, cp.name, f.failing,
            (SELECT count(*)::int FROM "CompliancePair" p
             WHERE p."monitorId" = f."monitorId" AND p."policyId" = f."policyId" AND p.state IS NOT NULL AND p.state <> 'removed') AS systems
     FROM failing f
     LEFT JOIN "CompliancePolicy" cp ON cp."monitorId" = f."monitorId" AND cp."policyId" = f."policyId"
     ORDER BY f.failing DESC, cp.name, f."policyId"`,
    [options.monitorId ?? null, options.limit ?? 100],
  );
  return rows.map((row) => ({ monitorId: row.monitor_id, policyId: row.policy_id, policyName: row.name, failing: row.failing, systems: row.systems }));
}

export interface PairRow {
  monitorId: string;
  policyId: string;
  policyName: string | null;
  systemId: string;
  hostname: string | null;
  state: PairState;
  /** When the pair entered this state. */
  since: string;
  /** For failing pairs: when the current failing streak began; a stretch of unknown does not end a streak. */
  failingSince: string | null;
  detail: string | null;
  resultAt: string | null;
}

export interface PairQuery {
  monitorId?: string;
  states?: readonly PairState[];
  policyId?: string;
  systemId?: string;
  /** The state at this instant instead of now. */
  at?: Date;
  limit: number;
  /** Opaque cursor from the previous page. */
  after?: string;
}

function encodeCursor(since: Date, id: number): string {
  return Buffer.from(`${since.toISOString()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { since: Date; id: number } | undefined {
  const [since, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const date = new Date(since ?? "");
  const number = Number(id);
  return Number.isNaN(date.getTime()) || !Number.isInteger(number) ? undefined : { since: date, id: number };
}

// Each pair's state at $at is its latest transition at or before $at (one index probe per pair); without $at it
// is the pair's current row. The page is cut first; only its pairs then get names and their failing streak: the
// earliest failing transition after the pair's last transition into passing, pending or removed.
const PAIRS_SQL = `
  WITH pairs AS (
    SELECT p.id, p."monitorId", p."policyId", p."systemId",
           coalesce(h.state, p.state) AS state, coalesce(h.at, p.since) AS since,
           CASE WHEN $5::timestamptz IS NULL THEN p.detail ELSE h.detail END AS detail,
           CASE WHEN $5::timestamptz IS NULL THEN p."resultAt" ELSE h."resultAt" END AS result_at
    FROM "CompliancePair" p
    LEFT JOIN LATERAL (
      SELECT t.state, t.at, t.detail, t."resultAt" FROM "ComplianceTransition" t
      WHERE $5::timestamptz IS NOT NULL AND t."pairId" = p.id AND t.at <= $5 ORDER BY t.at DESC LIMIT 1
    ) h ON true
    WHERE ($1::text IS NULL OR p."monitorId" = $1) AND ($3::text IS NULL OR p."policyId" = $3) AND ($4::text IS NULL OR p."systemId" = $4)
      AND ($5::timestamptz IS NOT NULL OR p.state = ANY($2::"ComplianceState"[]))
  ), page AS (
    SELECT * FROM pairs
    WHERE pairs.state = ANY($2::"ComplianceState"[]) AND ($6::timestamptz IS NULL OR (pairs.since, pairs.id) > ($6, $7::int))
    ORDER BY pairs.since, pairs.id
    LIMIT $8
  )
  SELECT page.*, cp.name AS policy_name, cs.hostname, streak.failing_since
  FROM page
  LEFT JOIN "CompliancePolicy" cp ON cp."monitorId" = page."monitorId" AND cp."policyId" = page."policyId"
  LEFT JOIN "ComplianceSystem" cs ON cs."monitorId" = page."monitorId" AND cs."systemId" = page."systemId"
  LEFT JOIN LATERAL (
    SELECT min(t.at) AS failing_since FROM "ComplianceTransition" t
    WHERE page.state = 'failing' AND t."pairId" = page.id AND t.state = 'failing' AND t.at <= page.since
      AND t.at > coalesce((
        SELECT max(b.at) FROM "ComplianceTransition" b
        WHERE b."pairId" = page.id AND b.state IN ('passing', 'pending', 'removed') AND b.at <= page.since
      ), '-infinity')
  ) streak ON true
  ORDER BY page.since, page.id`;

/** Pairs in the given states (default: all but removed), oldest change first, a page at a time. */
export async function listPairs(query: PairQuery): Promise<{ pairs: PairRow[]; next: string | null }> {
  const states = query.states && query.states.length > 0 ? query.states : PAIR_STATES.filter((s) => s !== "removed");
  const cursor = query.after ? decodeCursor(query.after) : undefined;
  const { rows } = await sqlPool().query<{
    id: number; monitorId: string; policyId: string; systemId: string; state: PairState; since: Date; detail: string | null;
    result_at: Date | null; policy_name: string | null; hostname: string | null; failing_since: Date | null;
  }>(PAIRS_SQL, [
    query.monitorId ?? null,
    states,
    query.policyId ?? null,
    query.systemId ?? null,
    query.at ?? null,
    cursor?.since ?? null,
    cursor?.id ?? null,
    query.limit + 1,
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    pairs: page.map((row) => ({
      monitorId: row.monitorId,
      policyId: row.policyId,
      policyName: row.policy_name,
      systemId: row.systemId,
      hostname: row.hostname,
      state: row.state,
      since: row.since.toISOString(),
      failingSince: row.failing_since?.toISOString() ?? null,
      detail: row.detail,
      resultAt: row.result_at?.toISOString() ?? null,
    })),
    next: rows.length > query.limit && last ? encodeCursor(last.since, last.id) : null,
  };
}

export interface TrendPoint extends StateCounts {
  /** Start of the hour or day, in the requested time zone, as an ISO instant. */
  bucket: string;
  complianceRate: number | null;
  snapshots: number;
}

/**
 * Compliance per hour or day from the counts each snapshot stored: per monitor the last snapshot of the bucket,
 * summed over monitors. Snapshots that read nothing (a job that never ran, a superseded one) are left out.
 */
export async function complianceTrend(options: { monitorId?: string; bucket: "hour" | "day"; from: Date; to: Date; timezone?: string }): Promise<TrendPoint[]> {
  const { rows } = await sqlPool().query<{ bucket: Date; passing: number; failing: number; pending: number; unknown: number; snapshots: number }>(
    `WITH last_per_bucket AS (
       SELECT DISTINCT ON (s."monitorId", date_trunc($2, s."observedAt" AT TIME ZONE $5))
              date_trunc($2, s."observedAt" AT TIME ZONE $5) AS local_bucket, s.passing, s.failing, s.pending, s.unknown
       FROM "ComplianceSnapshot" s
       WHERE s.status IN ('success', 'partial', 'failed') AND s."observedAt" >= $3 AND s."observedAt" < $4
         AND ($1::text IS NULL OR s."monitorId" = $1)
       ORDER BY s."monitorId", date_trunc($2, s."observedAt" AT TIME ZONE $5), s."observedAt" DESC
     )
     SELECT local_bucket AT TIME ZONE $5 AS bucket, sum(passing)::int AS passing, sum(failing)::int AS failing,
            sum(pending)::int AS pending, sum(unknown)::int AS unknown, count(*)::int AS snapshots
     FROM last_per_bucket GROUP BY local_bucket ORDER BY local_bucket`,
    [options.monitorId ?? null, options.bucket, options.from, options.to, options.timezone ?? "UTC"],
  );
  return rows.map((row) => {
    const counts = { passing: row.passing, failing: row.failing, pending: row.pending, unknown: row.unknown };
    return { bucket: row.bucket.toISOString(), ...counts, complianceRate: complianceRate(counts), snapshots: row.snapshots };
  });
}

export interface ComplianceChange {
  /** Counts after each monitor's latest finished snapshot, summed. */
  latest: StateCounts & { complianceRate: number | null };
  /** The same after each monitor's snapshot before that; null when no monitor has two yet. */
  previous: (StateCounts & { complianceRate: number | null }) | null;
  /** The latest snapshot's observation time (for file names and "as of"). */
  observedAt: string | null;
}

/**
 * The change since the previous snapshot: the counts each monitor's last two finished snapshots stored (a monitor
 * with one snapshot counts the same in both, so a new monitor does not show as a change).
 */
export async function complianceChange(options: { monitorId?: string } = {}): Promise<ComplianceChange> {
  const { rows } = await sqlPool().query<{ monitor_id: string; rank: number; passing: number; failing: number; pending: number; unknown: number; observed_at: Date }>(
    `SELECT m.id AS monitor_id, s.rank::int, s.passing, s.failing, s.pending, s.unknown, s."observedAt" AS observed_at
     FROM "Monitor" m
     CROSS JOIN LATERAL (
       SELECT row_number() OVER (ORDER BY "observedAt" DESC) AS rank, passing, failing, pending, unknown, "observedAt"
       FROM "ComplianceSnapshot" WHERE "monitorId" = m.id AND status IN ('success', 'partial', 'failed') AND "observedAt" IS NOT NULL
       ORDER BY "observedAt" DESC LIMIT 2
     ) s
     WHERE ($1::text IS NULL OR m.id = $1)`,
    [options.monitorId ?? null],
  );
  const latest = zero();
  const previous = zero();
  let observedAt: Date | null = null;
  let hasPrevious = false;
  const add = (into: StateCounts, row: StateCounts) => {
    for (const key of Object.keys(into) as Array<keyof StateCounts>) into[key] += row[key];
  };
  for (const row of rows.filter((candidate) => candidate.rank === 1)) {
    add(latest, row);
    if (!observedAt || row.observed_at > observedAt) observedAt = row.observed_at;
    const before = rows.find((other) => other.monitor_id === row.monitor_id && other.rank === 2);
    if (before) hasPrevious = true;
    add(previous, before ?? row);
  }
  return {
    latest: { ...latest, complianceRate: complianceRate(latest) },
    previous: hasPrevious ? { ...previous, complianceRate: complianceRate(previous) } : null,
    observedAt: observedAt?.toISOString() ?? null,
  };
}
