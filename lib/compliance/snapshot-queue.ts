// Turning schedules and "run now" into snapshot jobs. A snapshot row is created first, unique per (monitor,
// scheduled instant), and its job id is derived from the row's id: however many processes see the same tick,
// and however often a job is re-sent, one snapshot runs per tick.
import "server-only";
import { db } from "@/lib/db";
import { jobClient, QUEUES } from "@/lib/jobs/boss";
import { jobIdFor } from "@/lib/jobs/job-id";
import { AppError } from "@/lib/errors/app-error";
import { latestOccurrence } from "@/lib/schedules/schedule";
import { recordAbandonedSnapshot } from "./record-snapshot";
import { raiseSnapshotAlerts } from "./snapshot-alerts";

/** A queued snapshot whose job has not started within this long is given up (no worker is running). */
const QUEUED_GIVE_UP_MS = 24 * 3_600_000;

export interface SnapshotJobData {
  snapshotId: string;
}

export async function sendSnapshotJob(snapshotId: string): Promise<void> {
  const boss = await jobClient();
  await boss.send(QUEUES.complianceSnapshot, { snapshotId } satisfies SnapshotJobData, { id: jobIdFor(`snapshot:${snapshotId}`) });
}

/**
 * The schedule's tick: for each enabled monitor, the latest occurrence of its cron at or before `now` gets a
 * snapshot unless it already has one. An occurrence missed while no worker ran is caught up once, never
 * replayed; occurrences before the monitor's `scheduleFrom` (its creation, last schedule change or resume) never
 * run. Queued snapshots whose job was lost (a crash between the insert and the send) are sent again.
 */
export async function queueDueSnapshots(now: Date = new Date()): Promise<{ created: number; sent: number; abandoned: number }> {
  const monitors = await db.monitor.findMany({ where: { enabled: true }, select: { id: true, cron: true, timezone: true, scheduleFrom: true } });
  const due = monitors
    .map((monitor) => ({ monitor, at: latestOccurrence(monitor.cron, monitor.timezone, now) }))
    .filter(({ monitor, at }) => at > monitor.scheduleFrom);
  const { count: created } = await db.complianceSnapshot.createMany({
    data: due.map(({ monitor, at }) => ({ monitorId: monitor.id, scheduledFor: at, trigger: "schedule", status: "queued" })),
    skipDuplicates: true,
  });
  const giveUpBefore = new Date(now.getTime() - QUEUED_GIVE_UP_MS);
  const { count: abandoned } = await db.complianceSnapshot.updateMany({
    where: { status: "queued", createdAt: { lt: giveUpBefore } },
    data: { status: "failed", finishedAt: now, errorKind: "notStarted", errorMessage: "No worker started this snapshot within a day. Is a worker running (npm start, or npm run worker)?" },
  });
  const queued = await db.complianceSnapshot.findMany({ where: { status: "queued" }, select: { id: true } });
  for (const snapshot of queued) await sendSnapshotJob(snapshot.id);
  return { created, sent: queued.length, abandoned };
}

/**
 * "Run now": queues a snapshot of the monitor at once. A snapshot of this monitor that is already queued or
 * running is returned instead of a second one, so repeated clicks cost JumpCloud one snapshot.
 */
export async function requestSnapshot(monitorId: string, actor: { id: string; name: string }) {
  const result = await db.$transaction(async (tx) => {
    // The monitor's row lock makes two simultaneous clicks find each other's snapshot.
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Monitor" WHERE id = ${monitorId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("notFound", "That monitor no longer exists. Reload the list.");
    const pending = await tx.complianceSnapshot.findFirst({ where: { monitorId, status: { in: ["queued", "running"] } }, orderBy: { scheduledFor: "desc" } });
    if (pending) return { snapshot: pending, created: false };
    const snapshot = await tx.complianceSnapshot.create({
      data: { monitorId, scheduledFor: new Date(), trigger: "manual", status: "queued", requestedById: actor.id, requestedByName: actor.name },
    });
    return { snapshot, created: true };
  });
  if (result.created) await sendSnapshotJob(result.snapshot.id);
  return result;
}

/**
 * A snapshot job that failed all its retries: its snapshot says so, with the last error, instead of staying "running",
 * and a monitor that alerts on failed snapshots alerts on this one too.
 */
export async function failAbandonedSnapshot(snapshotId: string, lastError: string): Promise<void> {
  if (await recordAbandonedSnapshot(snapshotId, `The snapshot job failed on every retry: ${lastError}`)) await raiseSnapshotAlerts(snapshotId);
}
