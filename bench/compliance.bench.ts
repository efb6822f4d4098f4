// Compliance monitoring at scale, run by `npm run bench`:
// 1. a snapshot of 200 policies x 1,000 systems against the simulator at 30 ms per request, against the sequential
//    skip/limit loop of JumpCloud's PowerShell tools in the same run, with the requests per second it sent;
// 2. the dashboard's queries over 90 days of hourly snapshots of 50,000 pairs with 1% churn per tick, and the rows
//    each snapshot stores;
// 3. the shared request budget's own cost per request (one Postgres round trip, batched under load).
// It makes its own database, simulator and credential, and drops them at the end.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createTestDatabase } from "../lib/database/test-database";
import { benchOwner, maxPerSecond, recordRequestStarts, round, startRemoteSimulator, type RemoteSimulator } from "./support";

const LATENCY_MS = 30;
const POLICIES = 200;
const SYSTEMS = 1000;
const RESULTS = 400_000;
const RATE_BUDGET = 400;
const HISTORY = { policies: 200, systemsPerPolicy: 250, ticks: 90 * 24, churnPerTick: 500 };
const QUERY_RUNS = 40;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** What JumpCloud's PowerShell tools do: list the policies, then each policy's statuses, one page at a time. */
async function sequentialLoop(sim: RemoteSimulator): Promise<{ ms: number; requests: number; pairs: number }> {
  const headers = { Accept: "application/json", "x-api-key": sim.keys.singleOrg };
  let requests = 0;
  const pages = async (path: string) => {
    const items: Array<{ id: string; systemID?: string }> = [];
    for (let skip = 0; ; ) {
      const page = (await (await fetch(`${sim.origin}${path}${path.includes("?") ? "&" : "?"}limit=100&skip=${skip}`, { headers })).json()) as typeof items;
      requests++;
      items.push(...page);
      skip += page.length;
      if (page.length !== 100) return items;
    }
  };
  const started = performance.now();
  const policies = await pages("/api/v2/policies");
  let pairs = 0;
  for (const policy of policies) pairs += (await pages(`/api/v2/policies/${policy.id}/policystatuses`)).length;
  return { ms: performance.now() - started, requests, pairs };
}

async function measureSnapshot(databaseUrl: string) {
  const sim = await startRemoteSimulator({ size: { policies: POLICIES, systems: SYSTEMS, policyResults: RESULTS }, latencyMs: LATENCY_MS });
  const { actor, credentialId } = await benchOwner(databaseUrl, sim, RATE_BUDGET);
  const { db } = await import("../lib/db");
  const { createMonitor } = await import("../lib/compliance/monitor-store");
  const { monitorCreateSchema } = await import("../lib/compliance/monitor-input");
  const { takeSnapshot } = await import("../lib/compliance/take-snapshot");
  try {
    const sequential = await sequentialLoop(sim);
    const monitor = await createMonitor(monitorCreateSchema.parse({ name: "Bench", credentialId, schedule: { kind: "hourly" } }), actor.user);

    const recording = recordRequestStarts(sim.origin);
    const runs = [];
    try {
      for (let i = 0; i < 2; i++) {
        const row = await db.complianceSnapshot.create({ data: { monitorId: monitor.id, scheduledFor: new Date(Date.now() + i), trigger: "manual", status: "queued" } });
        recording.starts.length = 0;
        const started = performance.now();
        const result = await takeSnapshot(row.id);
        runs.push({ ms: performance.now() - started, result, maxPerSecond: maxPerSecond(recording.starts), requests: recording.starts.length });
      }
    } finally {
      recording.stop();
    }
    const [first, second] = runs;
    const snapshot = await db.complianceSnapshot.findUniqueOrThrow({ where: { id: first!.result.snapshotId } });
    await db.$disconnect();
    return {
      setup: { simulatorLatencyMs: LATENCY_MS, policies: POLICIES, systems: SYSTEMS, pairs: sequential.pairs, budgetRequestsPerSecond: RATE_BUDGET, burst: RATE_BUDGET / 10 },
      sequentialLoop: { ms: round(sequential.ms), requests: sequential.requests },
      firstSnapshot: {
        ms: round(first!.ms),
        readFromJumpCloudMs: snapshot.durationMs,
        writeMs: round(first!.ms - (snapshot.durationMs ?? 0)),
        requests: first!.requests,
        pairsRecorded: first!.result.transitions,
        speedup: round(sequential.ms / first!.ms, 2),
        speedupOfTheReads: round(sequential.ms / (snapshot.durationMs ?? first!.ms), 2),
        maxRequestsInAnySecond: first!.maxPerSecond,
        withinBudget: first!.maxPerSecond <= RATE_BUDGET + RATE_BUDGET / 10,
      },
      unchangedSnapshot: { ms: round(second!.ms), requests: second!.requests, transitionsWritten: second!.result.transitions, maxRequestsInAnySecond: second!.maxPerSecond },
    };
  } finally {
    await sim.close();
  }
}

/** 90 days of hourly snapshots of 50,000 pairs with 1% churn per tick, written straight in SQL. */
async function seedHistory(client: pg.Client, monitorId: string, start: Date): Promise<void> {
  const { policies, systemsPerPolicy, ticks, churnPerTick } = HISTORY;
  const pairs = policies * systemsPerPolicy;
  await client.query(`insert into "Monitor" (id, name, "scopeKind", "scheduleKind", cron, timezone, "updatedAt") values ($1, 'History', 'all', 'hourly', '0 * * * *', 'UTC', now())`, [monitorId]);
  await client.query(
    `insert into "CompliancePolicy" ("monitorId", "policyId", name, "lastSeenAt") select $1, lpad(to_hex(p), 24, '0'), 'Policy ' || p, now() from generate_series(1, $2) p`,
    [monitorId, policies],
  );
  await client.query(
    // 250 systems per policy out of 1,000, so each system is in a quarter of the policies.
    `insert into "CompliancePair" ("monitorId", "policyId", "systemId", since)
     select $1, lpad(to_hex((n - 1) / $3 + 1), 24, '0'), lpad(to_hex(1000000 + (n - 1) % $3 + ((n - 1) / $3) % 4 * $3), 24, 'a'), $4 from generate_series(1, $2) n`,
    [monitorId, pairs, systemsPerPolicy, start],
  );
  // Tick 0 records every pair; each later tick flips 500 pseudo-randomly chosen pairs.
  await client.query(
    `with ids as (select min(id) as base from "CompliancePair" where "monitorId" = $1),
     events as (
       select (select base from ids) + n - 1 as pair_id, 0 as tick from generate_series(1, $2) n
       union all
       -- the churn falls on a flaky tenth of the pairs (every tenth id), as it does in a real fleet
       select (select base from ids) + ((k::bigint * $3 + i) * 7919 % ($2 / 10)) * 10, k from generate_series(1, $4 - 1) k, generate_series(0, $3 - 1) i
     ),
     numbered as (
       select pair_id, tick, row_number() over (partition by pair_id order by tick) - 1 as nth,
              case when abs(hashint4(pair_id::int)) % 100 < 8 then 1 else 0 end as starts_failing
       from events
     ),
     stated as (
       select pair_id, tick, nth,
              (case when nth = 0 and abs(hashint4(pair_id::int + 7)) % 100 < 3 then 'pending'
                    when (nth + starts_failing) % 2 = 1 then 'failing' else 'passing' end)::"ComplianceState" as state
       from numbered
     )
     insert into "ComplianceTransition" ("pairId", at, state, previous, detail)
     select pair_id, $5::timestamptz + tick * interval '1 hour', state,
            lag(state) over (partition by pair_id order by tick),
            case when state = 'failing' then 'exit 1: Failed to apply setting: access denied' end
     from stated`,
    [monitorId, pairs, churnPerTick, ticks, start],
  );
  await client.query(
    `update "CompliancePair" p set state = t.state, since = t.at, detail = t.detail
     from (select distinct on ("pairId") "pairId", state, at, detail from "ComplianceTransition" order by "pairId", at desc) t where t."pairId" = p.id`,
  );
  // Each snapshot's counts: the running sum of the transitions' +1 (new state) and -1 (previous state).
  await client.query(
    `with deltas as (
       select at, state, 1 as d from "ComplianceTransition" union all select at, previous, -1 from "ComplianceTransition" where previous is not null
     ), per_tick as (
       select at, sum(d) filter (where state = 'passing') as passing, sum(d) filter (where state = 'failing') as failing,
              sum(d) filter (where state = 'pending') as pending, count(*) filter (where d = 1) as transitions
       from deltas group by at
     )
     insert into "ComplianceSnapshot" (id, "monitorId", "scheduledFor", trigger, status, "observedAt", "finishedAt", passing, failing, pending, transitions, policies)
     select 'h' || md5(at::text), $1, at, 'schedule', 'success', at, at,
            sum(coalesce(passing, 0)) over w, sum(coalesce(failing, 0)) over w, sum(coalesce(pending, 0)) over w, transitions, $2
     from per_tick window w as (order by at)`,
    [monitorId, policies],
  );
  await client.query(`analyze`);
}

async function measureDashboard(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const monitorId = randomUUID();
  const start = new Date(Date.UTC(2026, 8, 1));
  const seeded = performance.now();
  await seedHistory(client, monitorId, start);
  const seedMs = performance.now() - seeded;
  const { complianceSummary, complianceTrend, failingByPolicy, listPairs } = await import("../lib/compliance/compliance-queries");
  const end = new Date(start.getTime() + HISTORY.ticks * 3_600_000);
  const middle = new Date(start.getTime() + (HISTORY.ticks / 2) * 3_600_000 + 1);
  const queries: Record<string, () => Promise<unknown>> = {
    "current compliance rate and counts (summary)": () => complianceSummary({ monitorId }),
    "failing systems per policy": () => failingByPolicy({ monitorId, limit: 20 }),
    "failing pairs with since-when (first 100)": () => listPairs({ monitorId, states: ["failing"], limit: 100 }),
    "trend per hour, last 7 days": () => complianceTrend({ monitorId, bucket: "hour", from: new Date(end.getTime() - 7 * 86_400_000), to: end }),
    "trend per day, 90 days": () => complianceTrend({ monitorId, bucket: "day", from: start, to: end }),
    "failing pairs at an instant 45 days ago (first 100)": () => listPairs({ monitorId, states: ["failing"], at: middle, limit: 100 }),
  };
  const timings: Record<string, { p50Ms: number; p95Ms: number }> = {};
  for (const [name, run] of Object.entries(queries)) {
    await run();
    const times: number[] = [];
    for (let i = 0; i < QUERY_RUNS; i++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    timings[name] = { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)) };
  }
  const sizes = (
    await client.query<{ table: string; rows: string; bytes: string }>(
      `select c.relname as table, c.reltuples::bigint as rows, pg_total_relation_size(c.oid) as bytes from pg_class c
       where c.relname in ('CompliancePair', 'ComplianceTransition', 'ComplianceSnapshot') order by c.relname`,
    )
  ).rows.map((row) => ({ table: row.table, rows: Number(row.rows), totalMb: round(Number(row.bytes) / 2 ** 20) }));
  const failing = (await client.query<{ n: number }>(`select count(*)::int as n from "CompliancePair" where "monitorId" = $1 and state = 'failing'`, [monitorId])).rows[0]!.n;
  await client.end();
  return {
    setup: { ...HISTORY, pairs: HISTORY.policies * HISTORY.systemsPerPolicy, failingNow: failing, seedMs: round(seedMs) },
    queries: timings,
    worstP95Ms: Math.max(...Object.values(timings).map((t) => t.p95Ms)),
    storage: sizes,
    rowsStoredPerSnapshot: { snapshot: 1, transitions: HISTORY.churnPerTick, pairRowsUpdated: HISTORY.churnPerTick, note: "a copy per snapshot would be 50,000 rows" },
  };
}

async function measureBudgetOverhead() {
  const { SharedRequestBudget } = await import("../lib/request-budget/shared-budget");
  const { sqlPool } = await import("../lib/database/sql-pool");
  const credentialId = randomUUID();
  await sqlPool().query(
    `insert into "Credential" (id, name, service, "authType", settings, "secretEnvelope", "keyId", "updatedAt") values ($1, 'Budget', 'jumpcloud', 'apiKey', '{}', 'x', 'k', now())`,
    [credentialId],
  );
  const budget = new SharedRequestBudget(credentialId, { requestsPerSecond: 1e9, burst: 1e9 });
  const sequential: number[] = [];
  for (let i = 0; i < 1200; i++) {
    const started = performance.now();
    await budget.take();
    if (i >= 200) sequential.push(performance.now() - started);
  }
  const concurrentStarted = performance.now();
  await Promise.all(Array.from({ length: 16 }, async () => {
    for (let i = 0; i < 250; i++) await budget.take();
  }));
  const concurrentMs = performance.now() - concurrentStarted;
  return {
    oneAtATimeMedianMs: round(percentile(sequential, 50), 3),
    oneAtATimeP99Ms: round(percentile(sequential, 99), 3),
    sixteenConcurrentPerRequestMs: round(concurrentMs / 4000, 3),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const database = await createTestDatabase("bench_compliance");
  try {
    const snapshot = await measureSnapshot(database.url);
    const dashboard = await measureDashboard(database.url);
    const budget = await measureBudgetOverhead();
    const { closeSqlPool } = await import("../lib/database/sql-pool");
    await closeSqlPool();
    return { snapshot, dashboard, requestBudget: budget };
  } finally {
    await database.drop();
  }
}
