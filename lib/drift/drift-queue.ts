// Turning baseline schedules into drift-check jobs, as compliance monitors do: a check row first, unique per
// (baseline, scheduled instant), whose job id is derived from it, so one check runs per tick however many
// processes see it. "Check now" runs in the request that asks for it.
import "server-only";
import { db } from "@/lib/db";
import { baselineNotFound } from "./baseline-store";
import { jobClient, QUEUES } from "@/lib/jobs/boss";
import { jobIdFor } from "@/lib/jobs/job-id";
import { latestOccurrence } from "@/lib/schedules/schedule";
import { raiseDriftAlerts } from "./drift-alerts";
import { runDriftCheck, type CheckOutcome } from "./run-drift-check";

/** A queued check whose job has not started within this long is given up (no worker is running). */
const QUEUED_GIVE_UP_MS = 24 * 3_600_000;

export interface DriftCheckJobData {
  checkId: string;
}

async function sendCheckJob(checkId: string): Promise<void> {
  const boss = await jobClient();
  await boss.send(QUEUES.driftCheck, { checkId } satisfies DriftCheckJobData, { id: jobIdFor(`drift-check:${checkId}`) });
}

/** The schedule's tick: each scheduled baseline's latest occurrence at or before `now` gets one check. */
export async function queueDueDriftChecks(now: Date = new Date()): Promise<{ created: number; sent: number; abandoned: number }> {
  const baselines = await db.baseline.findMany({ where: { cron: { not: null } }, select: { id: true, cron: true, timezone: true, scheduleFrom: true, currentVersion: true } });
  const due = baselines
    .map((baseline) => ({ baseline, at: latestOccurrence(baseline.cron!, baseline.timezone, now) }))
    .filter(({ baseline, at }) => at > baseline.scheduleFrom);
  const { count: created } = await db.driftCheck.createMany({
    data: due.map(({ baseline, at }) => ({ baselineId: baseline.id, baselineVersion: baseline.currentVersion, scheduledFor: at, trigger: "schedule", status: "queued" })),
    skipDuplicates: true,
  });
  const { count: abandoned } = await db.driftCheck.updateMany({
    where: { status: "queued", createdAt: { lt: new Date(now.getTime() - QUEUED_GIVE_UP_MS) } },
    data: { status: "failed", finishedAt: now, errorKind: "notStarted", errorMessage: "No worker started this check within a day. Is a worker running (npm start, or npm run worker)?" },
  });
  const queued = await db.driftCheck.findMany({ where: { status: "queued", trigger: "schedule" }, select: { id: true } });
  for (const check of queued) await sendCheckJob(check.id);
  return { created, sent: queued.length, abandoned };
}

/** A job's check, then its alerts (raised again by a retry that finds the check already recorded: delivered once). */
export async function runScheduledCheck(checkId: string, signal: AbortSignal): Promise<CheckOutcome & { alertsQueued: number }> {
  const outcome = await runDriftCheck(checkId, { signal });
  return { ...outcome, ...(await alertsOf(checkId)) };
}

async function alertsOf(checkId: string): Promise<{ alertsQueued: number }> {
  const { queued } = await raiseDriftAlerts(checkId);
  return { alertsQueued: queued };
}

/** A check job that failed all its retries: its check says so instead of staying "running". */
export async function failAbandonedCheck(checkId: string, lastError: string): Promise<void> {
  await db.driftCheck.updateMany({
    where: { id: checkId, status: { in: ["queued", "running"] } },
    data: { status: "failed", finishedAt: new Date(), errorKind: "jobFailed", errorMessage: `The check job failed on every retry: ${lastError}`.slice(0, 1000) },
  });
}

/** "Check now": runs a check of the baseline in this request and returns it when recorded. */
export async function checkNow(baselineId: string, actor: { name: string }): Promise<CheckOutcome & { alertsQueued: number }> {
  const baseline = await db.baseline.findUnique({ where: { id: baselineId }, select: { currentVersion: true } });
  if (!baseline) throw baselineNotFound();
  const check = await db.driftCheck.create({
    data: { baselineId, baselineVersion: baseline.currentVersion, scheduledFor: new Date(), trigger: "manual", status: "queued", requestedByName: actor.name },
    select: { id: true },
  });
  const outcome = await runDriftCheck(check.id);
  return { ...outcome, ...(await alertsOf(check.id)) };
}
