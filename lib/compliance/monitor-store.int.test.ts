import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { monitorUpdateSchema } from "./monitor-input";
import { deleteMonitor, getMonitor, updateMonitor } from "./monitor-store";
import { queueDueSnapshots, requestSnapshot } from "./snapshot-queue";
import { createTestMonitor } from "./testing/compliance-fixtures";
import { startSimulatorFixture, type SimulatorFixture } from "@/lib/testing/simulator-fixture";

let fixture: SimulatorFixture;

beforeAll(async () => {
  fixture = await startSimulatorFixture();
});

afterAll(() => fixture.close());

const snapshotsOf = (monitorId: string) => db.complianceSnapshot.findMany({ where: { monitorId }, orderBy: { scheduledFor: "asc" } });

describe("monitors", () => {
  it("refuses an unknown credential, a System Context one and a taken name, naming the field", async () => {
    await expect(createTestMonitor(fixture, { credentialId: "missing" })).rejects.toMatchObject({ kind: "invalid", fieldErrors: { credentialId: "no such credential" } });
    const systemContext = await db.credential.create({
      data: { id: `sc-${Date.now()}`, name: `System ${Date.now()}`, service: "jumpcloud", authType: "systemContext", settings: {}, secretEnvelope: "x", keyId: "k" },
    });
    await expect(createTestMonitor(fixture, { credentialId: systemContext.id })).rejects.toThrow(/System Context.*API key or service account/);
    const monitor = await createTestMonitor(fixture);
    await expect(createTestMonitor(fixture, { name: monitor.name })).rejects.toMatchObject({ kind: "conflict", fieldErrors: { name: "already taken" } });
    expect(await db.auditEvent.count({ where: { action: "monitor.created", target: monitor.name } })).toBe(1);
  });

  it("updates only with the version read, and a new schedule or a resume starts counting from now", async () => {
    const monitor = await createTestMonitor(fixture);
    const before = (await db.monitor.findUniqueOrThrow({ where: { id: monitor.id } })).scheduleFrom;
    const renamed = await updateMonitor(monitor.id, monitorUpdateSchema.parse({ name: `${monitor.name} renamed`, version: monitor.version }), fixture.context.user);
    expect(renamed.version).toBe(monitor.version + 1);
    expect((await db.monitor.findUniqueOrThrow({ where: { id: monitor.id } })).scheduleFrom).toEqual(before);
    await expect(updateMonitor(monitor.id, monitorUpdateSchema.parse({ enabled: false, version: monitor.version }), fixture.context.user)).rejects.toMatchObject({ kind: "conflict" });
    const paused = await updateMonitor(monitor.id, monitorUpdateSchema.parse({ enabled: false }), fixture.context.user);
    expect(paused.nextRunAt).toBeNull();
    const resumed = await updateMonitor(monitor.id, monitorUpdateSchema.parse({ enabled: true }), fixture.context.user);
    expect(resumed.nextRunAt).not.toBeNull();
    expect((await db.monitor.findUniqueOrThrow({ where: { id: monitor.id } })).scheduleFrom.getTime()).toBeGreaterThan(before.getTime());
    expect(monitorUpdateSchema.safeParse({ version: 3 }).error?.issues[0]!.message).toMatch(/at least one field/);
  });

  it("queues one snapshot per due occurrence, catches a missed one up once, and skips paused monitors and occurrences before scheduleFrom", async () => {
    const monitor = await createTestMonitor(fixture, { schedule: { kind: "hourly" } });
    const paused = await createTestMonitor(fixture, { schedule: { kind: "hourly" }, enabled: false });
    const created = new Date("2026-12-01T09:20:00Z");
    await db.monitor.updateMany({ where: { id: { in: [monitor.id, paused.id] } }, data: { scheduleFrom: created } });

    // 09:00 was before the monitor existed: nothing.
    await queueDueSnapshots(new Date("2026-12-01T09:40:00Z"));
    expect(await snapshotsOf(monitor.id)).toHaveLength(0);
    // 10:00, seen by two ticks (two workers): one snapshot.
    await Promise.all([queueDueSnapshots(new Date("2026-12-01T10:00:30Z")), queueDueSnapshots(new Date("2026-12-01T10:00:31Z"))]);
    // No worker ran 11:00 and 12:00; at 12:59 the latest occurrence (12:00) is caught up, 11:00 is not replayed.
    await queueDueSnapshots(new Date("2026-12-01T12:59:00Z"));
    expect((await snapshotsOf(monitor.id)).map((s) => [s.scheduledFor.toISOString(), s.trigger, s.status])).toEqual([
      ["2026-12-01T10:00:00.000Z", "schedule", "queued"],
      ["2026-12-01T12:00:00.000Z", "schedule", "queued"],
    ]);
    expect(await snapshotsOf(paused.id)).toHaveLength(0);
    // A queued snapshot nobody started for a day is given up with a message saying why.
    const result = await queueDueSnapshots(new Date(Date.now() + 2 * 86_400_000));
    expect(result.abandoned).toBeGreaterThanOrEqual(2);
    expect((await snapshotsOf(monitor.id))[0]).toMatchObject({ status: "failed", errorMessage: expect.stringMatching(/Is a worker running/) });
  });

  it("run now queues one snapshot however often it is asked while one is pending, and delete takes the history with it", async () => {
    const monitor = await createTestMonitor(fixture);
    const [a, b] = await Promise.all([requestSnapshot(monitor.id, fixture.context.user), requestSnapshot(monitor.id, fixture.context.user)]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.snapshot.id).toBe(b.snapshot.id);
    expect(a.snapshot).toMatchObject({ trigger: "manual", requestedByName: fixture.context.user.name });
    await expect(requestSnapshot("missing", fixture.context.user)).rejects.toBeInstanceOf(AppError);

    await deleteMonitor(monitor.id, fixture.context.user);
    await expect(getMonitor(monitor.id)).rejects.toMatchObject({ kind: "notFound" });
    expect(await snapshotsOf(monitor.id)).toHaveLength(0);
    await expect(deleteMonitor(monitor.id, fixture.context.user)).rejects.toMatchObject({ kind: "notFound" });
  });
});
