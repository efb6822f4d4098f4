// Shared setup of the compliance and job tests: the simulator, the app allowed to reach it, a user and an API-key
// credential pointing at it, and monitors created through the store.
import { randomBytes } from "node:crypto";
import type { GuardContext } from "@/lib/auth/guard";
import { createCredential } from "@/lib/credentials/credential-store";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { startSimulator, type Simulator, type SimulatorOptions } from "@/simulator/server";
import type { MonitorCreate } from "../monitor-input";
import { monitorCreateSchema } from "../monitor-input";
import { createMonitor } from "../monitor-store";

export interface ComplianceFixture {
  sim: Simulator;
  context: GuardContext;
  credentialId: string;
  close(): Promise<void>;
}

/** Starts a simulator and lets this process's app code reach it (JUMPCLOUD_ALLOWED_ORIGINS). */
export async function startComplianceFixture(options: SimulatorOptions = {}): Promise<ComplianceFixture> {
  const sim = await startSimulator({ port: 0, ...options });
  // A test fixture configures the app code it runs, as a deployment would through the environment.
  // eslint-disable-next-line no-restricted-properties
  process.env.JUMPCLOUD_ALLOWED_ORIGINS = sim.origin;
  resetEnvCache();
  const tag = randomBytes(4).toString("hex");
  const user = await db.user.create({ data: { email: `monitor-${tag}@example.com`, name: `Monitor Tester ${tag}`, passwordHash: "x", role: "editor" } });
  const context: GuardContext = { user: { id: user.id, email: user.email, name: user.name, role: "editor", mustChangePassword: false }, ip: "127.0.0.1" };
  const credential = await createCredential(
    { name: `Simulator ${tag}`, description: "", service: "jumpcloud", authType: "apiKey", fields: { apiKey: sim.keys.singleOrg, region: "us", baseUrl: sim.origin } },
    context,
  );
  return { sim, context, credentialId: credential.id, close: () => sim.close() };
}

export async function createTestMonitor(fixture: ComplianceFixture, input: Partial<Record<keyof MonitorCreate, unknown>> = {}) {
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
