// Leases on running jobs, so a job whose process died is retried within seconds rather than after its expiry.
// The worker renews its job's lease while the handler runs; every worker reaps leases that lapsed and fails
// their jobs back to pg-boss (which retries them with backoff). A renewal that finds its lease gone means
// another worker took the job over: the handler is aborted.
import "server-only";
import type PgBoss from "pg-boss";
import { sqlPool } from "@/lib/database/sql-pool";

export async function claimLease(jobId: string, queue: string, workerId: string, seconds: number): Promise<void> {
  await sqlPool().query(
    `INSERT INTO "JobLease" ("jobId", queue, "workerId", "expiresAt") VALUES ($1, $2, $3, now() + make_interval(secs => $4))
     ON CONFLICT ("jobId") DO UPDATE SET queue = excluded.queue, "workerId" = excluded."workerId", "expiresAt" = excluded."expiresAt"`,
    [jobId, queue, workerId, seconds],
  );
}

/** False when the lease is no longer this worker's (it lapsed and was reaped). */
export async function renewLease(jobId: string, workerId: string, seconds: number): Promise<boolean> {
  const result = await sqlPool().query(
    `UPDATE "JobLease" SET "expiresAt" = now() + make_interval(secs => $3) WHERE "jobId" = $1 AND "workerId" = $2`,
    [jobId, workerId, seconds],
  );
  return (result.rowCount ?? 0) > 0;
}

export async function releaseLease(jobId: string, workerId: string): Promise<void> {
  await sqlPool().query(`DELETE FROM "JobLease" WHERE "jobId" = $1 AND "workerId" = $2`, [jobId, workerId]);
}

/** Lets the lease lapse now, so the next reaper fails the job for a retry. */
export async function expireLease(jobId: string, workerId: string): Promise<void> {
  await sqlPool().query(`UPDATE "JobLease" SET "expiresAt" = now() - interval '1 second' WHERE "jobId" = $1 AND "workerId" = $2`, [jobId, workerId]);
}

/**
 * Fails the jobs of lapsed leases. The DELETE … RETURNING hands each lapsed lease to exactly one reaper, however
 * many workers reap at once.
 */
export async function reapLapsedLeases(boss: PgBoss): Promise<number> {
  const { rows } = await sqlPool().query<{ jobId: string; queue: string; workerId: string }>(
    `DELETE FROM "JobLease" WHERE "expiresAt" < now() RETURNING "jobId", queue, "workerId"`,
  );
  for (const lease of rows) {
    await boss.fail(lease.queue, lease.jobId, {
      message: `Worker ${lease.workerId} stopped renewing this job's lease (the process died or hung); retrying it on another worker.`,
    });
  }
  return rows.length;
}
