// Two worker processes on one database, as `npm run worker` runs them: one schedule between them, one snapshot per
// tick, a killed worker's snapshot retried by the other without duplicated transitions, and a clean stop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestSnapshot } from "@/lib/compliance/snapshot-queue";
import { createTestMonitor } from "@/lib/compliance/testing/compliance-fixtures";
import { startSimulatorFixture, type SimulatorFixture } from "@/lib/testing/simulator-fixture";
import { sqlPool } from "@/lib/database/sql-pool";
import { db } from "@/lib/db";
import { jobClient, QUEUES } from "./boss";
import { jobIdFor } from "./job-id";
import { FAST_JOB_SETTINGS, startWorkerProcess, waitFor, type WorkerProcess } from "./testing/worker-process";

let fixture: SimulatorFixture;
const workers: WorkerProcess[] = [];

const FINAL = ["success", "partial", "failed", "superseded"];

async function spawnWorker(): Promise<WorkerProcess> {
  const worker = await startWorkerProcess({ DATABASE_URL: process.env.DATABASE_URL!, JUMPCLOUD_ALLOWED_ORIGINS: fixture.sim.origin });
  workers.push(worker);
  return worker;
}

/** Transitions per pair of a monitor: each pair's first snapshot writes exactly one. */
async function transitionsPerPair(monitorId: string): Promise<number[]> {
  const { rows } = await sqlPool().query<{ n: number }>(
    `SELECT count(t.id)::int AS n FROM "CompliancePair" p LEFT JOIN "ComplianceTransition" t ON t."pairId" = p.id WHERE p."monitorId" = $1 GROUP BY p.id`,
    [monitorId],
  );
  return rows.map((row) => row.n);
}

async function snapshotJob(snapshotId: string) {
  const { rows } = await sqlPool().query<{ state: string; retry_count: number }>(
    `SELECT state, retry_count FROM pgboss.job WHERE id = $1 UNION ALL SELECT state, retry_count FROM pgboss.archive WHERE id = $1`,
    [jobIdFor(`snapshot:${snapshotId}`)],
  );
  return rows;
}

beforeAll(async () => {
  // This process sends jobs too ("run now"): the same job settings as the workers.
  Object.assign(process.env, FAST_JOB_SETTINGS);
  fixture = await startSimulatorFixture();
  await Promise.all([spawnWorker(), spawnWorker()]);
}, 120_000);

afterAll(async () => {
  for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill("SIGKILL");
  await Promise.all(workers.map((worker) => worker.exited));
  await fixture.close();
});

describe("job workers", () => {
  it("two workers share one schedule: an every-minute monitor gets exactly one snapshot per tick, each run once", async () => {
    const started = new Date();
    const monitor = await createTestMonitor(fixture, { schedule: { kind: "cron", cron: "* * * * *" } });
    const scheduled = () => db.complianceSnapshot.findMany({ where: { monitorId: monitor.id, trigger: "schedule" }, orderBy: { scheduledFor: "asc" } });
    const first = await waitFor(scheduled, (rows) => rows.length >= 1 && FINAL.includes(rows[0]!.status));

    // Extra ticks of the same minute, sent while both workers poll: they find the snapshot and queue nothing new.
    const boss = await jobClient();
    const extra = await Promise.all(Array.from({ length: 8 }, () => boss.send(QUEUES.complianceTick, { extra: true })));
    await waitFor(
      () => sqlPool().query(`SELECT count(*)::int AS n FROM pgboss.job WHERE id = ANY($1::uuid[]) AND state = 'completed'`, [extra]),
      (result) => result.rows[0].n === extra.length,
    );

    const rows = await waitFor(scheduled, (list) => list.length >= 2 && list.slice(0, 2).every((row) => FINAL.includes(row.status)));
    await db.monitor.update({ where: { id: monitor.id }, data: { enabled: false } });
    const ticks = rows.map((row) => row.scheduledFor.toISOString());
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(new Date(ticks[1]!).getTime() - new Date(ticks[0]!).getTime()).toBe(60_000);
    for (const row of rows.slice(0, 2)) {
      expect(row).toMatchObject({ status: "success", attempts: 1 });
      expect(await snapshotJob(row.id)).toHaveLength(1);
    }
    expect(rows[0]!.transitions).toBe(first[0]!.passing + first[0]!.failing + first[0]!.pending);
    expect(rows[1]!.transitions).toBe(0);
    expect(new Set(await transitionsPerPair(monitor.id))).toEqual(new Set([1]));
    // pg-boss's cron put one tick per minute in the queue, however many workers watched the clock. A tick is counted
    // when its job is created, which may fall in the next minute when the cron check ran in a minute's last second.
    const { rows: ticked } = await sqlPool().query<{ n: number; minutes: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT date_trunc('minute', created_on))::int AS minutes FROM (
         SELECT created_on FROM pgboss.job WHERE name = $1 AND NOT data ? 'extra' AND created_on >= $2
         UNION ALL SELECT created_on FROM pgboss.archive WHERE name = $1 AND NOT data ? 'extra' AND created_on >= $2) t`,
      [QUEUES.complianceTick, started],
    );
    expect(ticked[0]!.n).toBeGreaterThanOrEqual(2);
    expect(ticked[0]!.n).toBeLessThanOrEqual(ticked[0]!.minutes + 1);
  }, 240_000);

  it("a worker killed mid-snapshot: the other retries it, and every pair still has exactly one transition", async () => {
    fixture.sim.setOptions({ latencyMs: 400 });
    try {
      const monitor = await createTestMonitor(fixture);
      fixture.sim.resetStats();
      const { snapshot } = await requestSnapshot(monitor.id, fixture.context.user);
      const lease = await waitFor(
        () => sqlPool().query<{ workerId: string }>(`SELECT "workerId" FROM "JobLease" WHERE "jobId" = $1`, [jobIdFor(`snapshot:${snapshot.id}`)]),
        (result) => result.rowCount === 1,
        50,
      );
      // Let it get some requests out before the kill.
      await waitFor(() => Promise.resolve(fixture.sim.stats().requests), (requests) => requests >= 3, 50);
      const holder = workers.find((worker) => lease.rows[0]!.workerId.includes(`:${worker.pid}:`))!;
      holder.child.kill("SIGKILL");
      expect(await holder.exited).toBe("SIGKILL");

      const done = await waitFor(() => db.complianceSnapshot.findUniqueOrThrow({ where: { id: snapshot.id } }), (row) => FINAL.includes(row.status));
      expect(done.status).toBe("success");
      expect(done.attempts).toBe(2);
      expect((await snapshotJob(snapshot.id))[0]!.retry_count).toBeGreaterThanOrEqual(1);
      expect(done.transitions).toBe(done.passing + done.failing + done.pending);
      expect(new Set(await transitionsPerPair(monitor.id))).toEqual(new Set([1]));
    } finally {
      fixture.sim.setOptions({ latencyMs: 0 });
    }
  }, 120_000);

  it("a worker stopped with SIGTERM hands its running snapshot back and exits 0; a new worker finishes it", async () => {
    fixture.sim.setOptions({ latencyMs: 400 });
    try {
      const [survivor] = workers.filter((worker) => worker.child.exitCode === null && worker.child.signalCode === null);
      const monitor = await createTestMonitor(fixture);
      const { snapshot } = await requestSnapshot(monitor.id, fixture.context.user);
      await waitFor(() => db.complianceSnapshot.findUniqueOrThrow({ where: { id: snapshot.id } }), (row) => row.status === "running", 50);
      survivor!.child.kill("SIGTERM");
      expect(await survivor!.exited).toBe(0);
      expect(survivor!.output()).toMatch(/SIGTERM: stopping/);
      const [job] = await snapshotJob(snapshot.id);
      expect(job!.state).not.toBe("active");
      expect((await db.complianceSnapshot.findUniqueOrThrow({ where: { id: snapshot.id } })).status).toBe("running");

      await spawnWorker();
      const done = await waitFor(() => db.complianceSnapshot.findUniqueOrThrow({ where: { id: snapshot.id } }), (row) => FINAL.includes(row.status));
      expect(done.status).toBe("success");
      expect(new Set(await transitionsPerPair(monitor.id))).toEqual(new Set([1]));
    } finally {
      fixture.sim.setOptions({ latencyMs: 0 });
    }
  }, 120_000);

  it("a snapshot job that failed every retry leaves its snapshot failed with the error, not running", async () => {
    const monitor = await createTestMonitor(fixture);
    const snapshot = await db.complianceSnapshot.create({ data: { monitorId: monitor.id, scheduledFor: new Date(), trigger: "manual", status: "running" } });
    const boss = await jobClient();
    // What pg-boss sends to the dead-letter queue after the last retry: the job's data and its last error.
    await boss.send(QUEUES.complianceSnapshotDead, { snapshotId: snapshot.id });
    const done = await waitFor(() => db.complianceSnapshot.findUniqueOrThrow({ where: { id: snapshot.id } }), (row) => row.status === "failed");
    expect(done).toMatchObject({ errorKind: "jobFailed", errorMessage: expect.stringMatching(/failed on every retry/) });
  }, 60_000);
});
