// pg-boss on the app's own Postgres, in its own schema. Every process that sends jobs (a web request's "run now")
// shares one client instance; workers start their own with the scheduler and maintenance switched on.
import "server-only";
import PgBoss from "pg-boss";
import { sqlPool } from "@/lib/database/sql-pool";
import { env } from "@/lib/env";

export const JOBS_SCHEMA = "pgboss";

export const QUEUES = {
  /** Every minute: queues the snapshots that are due (and re-sends queued ones whose job was lost). */
  complianceTick: "compliance-tick",
  complianceSnapshot: "compliance-snapshot",
  /** Snapshot jobs that failed every retry, to mark their snapshot failed with the last error. */
  complianceSnapshotDead: "compliance-snapshot-dead",
  /** Every minute: queues the drift checks of scheduled baselines that are due. */
  driftTick: "drift-tick",
  driftCheck: "drift-check",
  /** Drift-check jobs that failed every retry, to mark their check failed with the last error. */
  driftCheckDead: "drift-check-dead",
  /** One signed webhook attempt per run; failures are retried with exponential backoff. */
  alertDelivery: "alert-delivery",
  /** Every 5 minutes: re-sends deliveries whose job was lost, gives up on ones queued for a day. */
  alertSweep: "alert-sweep",
  /** Daily: deletes runs and audit events past their retention, in batches. */
  retention: "retention",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface QueueSpec {
  name: QueueName;
  options: Omit<PgBoss.Queue, "name">;
  /** Cron (UTC) for scheduled queues. */
  cron?: string;
}

/** The queues, their retry and expiry policy, and their schedules; created (or updated) when a worker starts. */
export function queueSpecs(): QueueSpec[] {
  const retryDelay = env().JOBS_RETRY_DELAY_SECONDS;
  return [
    { name: QUEUES.complianceTick, options: { retryLimit: 0, expireInSeconds: 120 }, cron: "* * * * *" },
    { name: QUEUES.complianceSnapshotDead, options: { retryLimit: 2, retryDelay, expireInSeconds: 120 } },
    {
      name: QUEUES.complianceSnapshot,
      // A dead worker is noticed by its lapsed lease (JOBS_LEASE_SECONDS); the expiry only caps a hung run.
      options: { retryLimit: 4, retryDelay, retryBackoff: true, expireInSeconds: 3600, deadLetter: QUEUES.complianceSnapshotDead },
    },
    { name: QUEUES.driftTick, options: { retryLimit: 0, expireInSeconds: 120 }, cron: "* * * * *" },
    { name: QUEUES.driftCheckDead, options: { retryLimit: 2, retryDelay, expireInSeconds: 120 } },
    { name: QUEUES.driftCheck, options: { retryLimit: 4, retryDelay, retryBackoff: true, expireInSeconds: 3600, deadLetter: QUEUES.driftCheckDead } },
    {
      name: QUEUES.alertDelivery,
      // The handler marks a delivery failed at ALERT_MAX_ATTEMPTS; the spare retries cover workers that died mid-attempt.
      options: { retryLimit: env().ALERT_MAX_ATTEMPTS + 2, retryDelay: env().ALERT_RETRY_DELAY_SECONDS, retryBackoff: true, expireInSeconds: 300 },
    },
    { name: QUEUES.alertSweep, options: { retryLimit: 0, expireInSeconds: 300 }, cron: "*/5 * * * *" },
    { name: QUEUES.retention, options: { retryLimit: 3, retryDelay, retryBackoff: true, expireInSeconds: 3600 }, cron: "17 3 * * *" },
  ];
}

export function createBoss(role: "worker" | "client"): PgBoss {
  const connectionString = env().DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start` or `npm run worker`, which resolve the database.");
  const worker = role === "worker";
  const boss = new PgBoss({
    connectionString,
    schema: JOBS_SCHEMA,
    application_name: `jcm-jobs-${role}`,
    max: worker ? 4 : 2,
    // Only workers keep the schedule and do maintenance; a sending process stays light.
    supervise: worker,
    schedule: worker,
    cronMonitorIntervalSeconds: env().JOBS_CRON_CHECK_SECONDS,
    clockMonitorIntervalSeconds: Math.max(env().JOBS_CRON_CHECK_SECONDS, 60),
    // Completed jobs are kept a week and failed ones a month, for inspection.
    archiveCompletedAfterSeconds: 7 * 86_400,
    archiveFailedAfterSeconds: 30 * 86_400,
    deleteAfterDays: 30,
  });
  // pg-boss reports background errors (a dropped connection, a failed maintenance run) as events.
  boss.on("error", (error) => console.error(`[jobs] ${error.message}`));
  return boss;
}

/**
 * Creates the queues; a worker also applies its settings to them and schedules the cron queues. Processes starting together on a fresh
 * database would deadlock creating the same queue partitions, so they take turns under an advisory lock.
 */
export async function ensureQueues(boss: PgBoss, options: { worker?: boolean } = {}): Promise<void> {
  const lock = await sqlPool().connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('jcm:jobs:ensure-queues'))`);
    for (const spec of queueSpecs()) {
      await boss.createQueue(spec.name, { name: spec.name, ...spec.options });
      // Workers own the queues' settings; a process that only sends jobs creates missing queues and nothing more.
      if (!options.worker) continue;
      await boss.updateQueue(spec.name, { name: spec.name, ...spec.options });
      if (spec.cron) await boss.schedule(spec.name, spec.cron, {}, { tz: "UTC" });
    }
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext('jcm:jobs:ensure-queues'))`).catch(() => {});
    lock.release();
  }
}

const globalForBoss = globalThis as unknown as { jobClient?: Promise<PgBoss> };

/** The process's sending instance, started on first use (it creates the schema and queues if missing). */
export function jobClient(): Promise<PgBoss> {
  globalForBoss.jobClient ??= (async () => {
    const boss = createBoss("client");
    await boss.start();
    await ensureQueues(boss);
    return boss;
  })().catch((error: unknown) => {
    globalForBoss.jobClient = undefined;
    throw error;
  });
  return globalForBoss.jobClient;
}

export async function stopJobClient(): Promise<void> {
  const pending = globalForBoss.jobClient;
  globalForBoss.jobClient = undefined;
  const boss = await pending?.catch(() => undefined);
  await boss?.stop({ graceful: false, wait: true });
}
