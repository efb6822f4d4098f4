// Retention (RUN_RETENTION_DAYS, AUDIT_RETENTION_DAYS), run daily by a scheduled job: old rows are deleted in
// batches of a few thousand, each its own short statement, so a large backlog never holds a long lock.
import "server-only";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/audit-log";
import { sqlPool } from "@/lib/database/sql-pool";
import { env } from "@/lib/env";

export const RETENTION_BATCH = 5000;

export interface RetentionReport {
  runsDeleted: number;
  auditEventsDeleted: number;
}

/** Deletes rows of `table` older than `cutoff` by `column`, batch by batch; returns how many. */
async function deleteOlderThan(table: "Run" | "AuditEvent", column: "startedAt" | "createdAt", cutoff: Date, batch: number): Promise<number> {
  let total = 0;
  for (;;) {
    // The columns are timestamp without time zone holding UTC (Prisma's default), so the cutoff is given as UTC.
    const result = await sqlPool().query(
      `DELETE FROM "${table}" WHERE id IN (SELECT id FROM "${table}" WHERE "${column}" < ($1::timestamptz AT TIME ZONE 'UTC') LIMIT $2)`,
      [cutoff, batch],
    );
    total += result.rowCount ?? 0;
    if ((result.rowCount ?? 0) < batch) return total;
  }
}

export async function applyRetention(options: { now?: Date; batch?: number } = {}): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  const batch = options.batch ?? RETENTION_BATCH;
  const { RUN_RETENTION_DAYS: runDays, AUDIT_RETENTION_DAYS: auditDays } = env();
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const report: RetentionReport = {
    runsDeleted: runDays > 0 ? await deleteOlderThan("Run", "startedAt", daysAgo(runDays), batch) : 0,
    auditEventsDeleted: auditDays > 0 ? await deleteOlderThan("AuditEvent", "createdAt", daysAgo(auditDays), batch) : 0,
  };
  if (report.runsDeleted > 0 || report.auditEventsDeleted > 0) {
    await recordAuditEvent({
      action: AUDIT_ACTIONS.retentionApplied,
      target: "runs and audit events",
      metadata: { ...report, runRetentionDays: runDays, auditRetentionDays: auditDays },
    });
  }
  return report;
}
