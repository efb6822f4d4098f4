// Monitors for the compliance and job tests, created through the store on a simulator fixture.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { SimulatorFixture } from "@/lib/testing/simulator-fixture";
import type { MonitorCreate } from "../monitor-input";
import { monitorCreateSchema } from "../monitor-input";
import { createMonitor } from "../monitor-store";

export async function createTestMonitor(fixture: SimulatorFixture, input: Partial<Record<keyof MonitorCreate, unknown>> = {}) {
  const parsed = monitorCreateSchema.parse({
    name: `Monitor ${randomBytes(4).toString("hex")}`,
    credentialId: fixture.credentialId,
    schedule: { kind: "hourly" },
    ...input,
  });
  return createMonitor(parsed, fixture.context.user);
}

/** A queued snapshot row, as the schedule or "run now" creates it. */
export async function queueSnapshotRow(monitorId: string, scheduledFor = new Date()) {
  return db.complianceSnapshot.create({ data: { monitorId, scheduledFor, trigger: "manual", status: "queued" } });
}
