// A job worker: the schedule (pg-boss cron, one tick per minute however many workers run), snapshot jobs with
// leases, the dead-letter handler and retention. `npm start` runs one inside the web process; `npm run worker`
// runs more. Every worker is equal: any of them may take any job.
import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type PgBoss from "pg-boss";
import { deliverAlert, sweepDeliveries } from "@/lib/alerts/deliver-alert";
import type { DeliveryJobData } from "@/lib/alerts/alert-queue";
import { failAbandonedSnapshot, queueDueSnapshots, type SnapshotJobData } from "@/lib/compliance/snapshot-queue";
import { takeSnapshot } from "@/lib/compliance/take-snapshot";
import { failAbandonedCheck, queueDueDriftChecks, runScheduledCheck, type DriftCheckJobData } from "@/lib/drift/drift-queue";
import { env } from "@/lib/env";
import { createBoss, ensureQueues, QUEUES, type QueueName } from "./boss";
import { claimLease, expireLease, reapLapsedLeases, releaseLease, renewLease } from "./job-lease";
import { applyRetention } from "./retention";

export interface RunningWorker {
  id: string;
  boss: PgBoss;
  /** Stops taking jobs, cancels the running ones (they are failed back to pg-boss and retried) and disconnects. */
  stop(): Promise<void>;
}

/** Webhook deliveries one worker attempts at once. */
const ALERT_DELIVERY_CONCURRENCY = 4;

type Handler = (job: PgBoss.JobWithMetadata<Record<string, unknown>>, signal: AbortSignal) => Promise<unknown>;

function errorText(output: unknown): string {
  const value = (output as { value?: { message?: unknown }; message?: unknown } | null) ?? {};
  const message = value.value?.message ?? value.message;
  return typeof message === "string" ? message : "unknown error";
}

const handlers: Record<QueueName, Handler> = {
  [QUEUES.complianceTick]: () => queueDueSnapshots(new Date()),
  [QUEUES.complianceSnapshot]: async (job, signal) => {
    const { snapshotId } = job.data as Partial<SnapshotJobData>;
    if (typeof snapshotId !== "string") throw new Error(`A ${QUEUES.complianceSnapshot} job needs { snapshotId }; got ${JSON.stringify(job.data).slice(0, 200)}.`);
    const run = await takeSnapshot(snapshotId, { signal });
    return { status: run.status ?? run.skipped, transitions: run.transitions ?? 0 };
  },
  [QUEUES.complianceSnapshotDead]: async (job) => {
    const { snapshotId } = job.data as Partial<SnapshotJobData>;
    if (typeof snapshotId === "string") await failAbandonedSnapshot(snapshotId, errorText(job.output));
  },
  [QUEUES.driftTick]: () => queueDueDriftChecks(new Date()),
  [QUEUES.driftCheck]: async (job, signal) => {
    const { checkId } = job.data as Partial<DriftCheckJobData>;
    if (typeof checkId !== "string") throw new Error(`A ${QUEUES.driftCheck} job needs { checkId }; got ${JSON.stringify(job.data).slice(0, 200)}.`);
    const outcome = await runScheduledCheck(checkId, signal);
    return { status: outcome.status ?? outcome.skipped, opened: outcome.opened ?? 0, resolved: outcome.resolved ?? 0 };
  },
  [QUEUES.driftCheckDead]: async (job) => {
    const { checkId } = job.data as Partial<DriftCheckJobData>;
    if (typeof checkId === "string") await failAbandonedCheck(checkId, errorText(job.output));
  },
  [QUEUES.alertDelivery]: async (job) => {
    const { deliveryId } = job.data as Partial<DeliveryJobData>;
    if (typeof deliveryId !== "string") throw new Error(`A ${QUEUES.alertDelivery} job needs { deliveryId }; got ${JSON.stringify(job.data).slice(0, 200)}.`);
    return deliverAlert(deliveryId);
  },
  [QUEUES.alertSweep]: () => sweepDeliveries(new Date()),
  [QUEUES.retention]: () => applyRetention(),
};

export async function startWorker(options: { log?: (line: string) => void } = {}): Promise<RunningWorker> {
  const log = options.log ?? ((line: string) => console.log(`[worker] ${line}`));
  const { JOBS_LEASE_SECONDS: leaseSeconds, JOBS_CONCURRENCY: concurrency, JOBS_POLL_INTERVAL_SECONDS: pollingIntervalSeconds } = env();
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const boss = createBoss("worker");
  await boss.start();
  await ensureQueues(boss, { worker: true });

  const running = new Map<string, AbortController>();
  let stopping = false;

  const work = (queue: QueueName, handler: Handler) =>
    boss.work<Record<string, unknown>>(queue, { batchSize: 1, pollingIntervalSeconds, includeMetadata: true }, async ([job]) => {
      if (!job) return;
      const controller = new AbortController();
      if (stopping) controller.abort();
      running.set(job.id, controller);
      await claimLease(job.id, queue, id, leaseSeconds);
      const renewal = setInterval(() => {
        renewLease(job.id, id, leaseSeconds)
          .then((held) => held || controller.abort())
          .catch((error: unknown) => log(`lease renewal of ${queue} job ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`));
      }, (leaseSeconds * 1000) / 3);
      try {
        const result = await handler(job, controller.signal);
        if (controller.signal.aborted) throw new Error(stopping ? "The worker stopped before the job finished; it will be retried." : "This job's lease was lost to another worker.");
        return result;
      } finally {
        clearInterval(renewal);
        running.delete(job.id);
        // A job cut short by a stop keeps its lease, lapsed at once: if pg-boss's own failure of it does not
        // land before the process exits, another worker's reaper fails it for a retry.
        await (stopping ? expireLease(job.id, id) : releaseLease(job.id, id)).catch(() => {});
      }
    });

  await work(QUEUES.complianceTick, handlers[QUEUES.complianceTick]);
  for (let i = 0; i < concurrency; i++) await work(QUEUES.complianceSnapshot, handlers[QUEUES.complianceSnapshot]);
  await work(QUEUES.complianceSnapshotDead, handlers[QUEUES.complianceSnapshotDead]);
  await work(QUEUES.driftTick, handlers[QUEUES.driftTick]);
  for (let i = 0; i < concurrency; i++) await work(QUEUES.driftCheck, handlers[QUEUES.driftCheck]);
  await work(QUEUES.driftCheckDead, handlers[QUEUES.driftCheckDead]);
  await work(QUEUES.retention, handlers[QUEUES.retention]);
  // Webhook attempts are short and mostly waiting on the network: several at a time, apart from the snapshots.
  for (let i = 0; i < ALERT_DELIVERY_CONCURRENCY; i++) await work(QUEUES.alertDelivery, handlers[QUEUES.alertDelivery]);
  await work(QUEUES.alertSweep, handlers[QUEUES.alertSweep]);

  const reaper = setInterval(() => {
    reapLapsedLeases(boss)
      .then((count) => count > 0 && log(`retrying ${count} job(s) whose worker stopped renewing its lease`))
      .catch((error: unknown) => log(`lease reaping failed: ${error instanceof Error ? error.message : String(error)}`));
  }, (leaseSeconds * 1000) / 2);
  reaper.unref();
  log(`${id} started: ${concurrency} snapshot job(s) at a time, lease ${leaseSeconds} s`);

  let stopped: Promise<void> | undefined;
  return {
    id,
    boss,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        clearInterval(reaper);
        for (const controller of running.values()) controller.abort();
        // Aborted handlers fail their jobs back to pg-boss; graceful waits for that before closing the pool.
        await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
        log(`${id} stopped`);
      })();
      return stopped;
    },
  };
}
