import { afterAll, describe, expect, it } from "vitest";
import { closeSqlPool } from "@/lib/database/sql-pool";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { applyRetention } from "./retention";

afterAll(async () => {
  delete process.env.RUN_RETENTION_DAYS;
  delete process.env.AUDIT_RETENTION_DAYS;
  resetEnvCache();
  await closeSqlPool();
  await db.$disconnect();
});

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

describe("retention", () => {
  it("deletes runs and audit events past their retention in batches, keeps the rest, and records what it did", async () => {
    process.env.RUN_RETENTION_DAYS = "30";
    process.env.AUDIT_RETENTION_DAYS = "60";
    resetEnvCache();
    // Relative to the real clock: other test files share this database, and their rows are new.
    const now = new Date();
    const run = (days: number) => ({ via: "api" as const, resource: "policy", operation: "list", status: "success" as const, startedAt: daysAgo(now, days), nodeName: "retention-test" });
    await db.run.createMany({ data: [run(31), run(40), run(45), run(400), run(29), run(1)] });
    const audit = (days: number) => ({ action: "retention.test", outcome: "success" as const, createdAt: daysAgo(now, days) });
    await db.auditEvent.createMany({ data: [audit(61), audit(90), audit(59)] });

    const report = await applyRetention({ now, batch: 2 });
    expect(report).toEqual({ runsDeleted: 4, auditEventsDeleted: 2 });
    const kept = await db.run.findMany({ where: { nodeName: "retention-test" }, select: { startedAt: true } });
    expect(kept.map((r) => Math.round((now.getTime() - r.startedAt.getTime()) / 86_400_000)).sort((a, b) => a - b)).toEqual([1, 29]);
    expect(await db.auditEvent.count({ where: { action: "retention.test" } })).toBe(1);
    expect(await db.auditEvent.findFirst({ where: { action: "retention.applied" } })).toMatchObject({ metadata: { runsDeleted: 4, auditEventsDeleted: 2 } });

    // Run again: nothing left to delete, nothing recorded.
    expect(await applyRetention({ now, batch: 2 })).toEqual({ runsDeleted: 0, auditEventsDeleted: 0 });
  });

  it("keeps everything when a retention is 0", async () => {
    process.env.RUN_RETENTION_DAYS = "0";
    process.env.AUDIT_RETENTION_DAYS = "0";
    resetEnvCache();
    await db.run.create({ data: { via: "api", resource: "policy", operation: "list", status: "success", startedAt: new Date("2000-01-01T00:00:00Z") } });
    expect(await applyRetention()).toEqual({ runsDeleted: 0, auditEventsDeleted: 0 });
  });
});
