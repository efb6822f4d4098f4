// Shared setup of integration tests that run against the simulator: the simulator, this process's app code allowed
// to reach it, an editor and an API-key credential pointing at it.
import { randomBytes } from "node:crypto";
import type { GuardContext } from "@/lib/auth/guard";
import { createCredential } from "@/lib/credentials/credential-store";
import { closeSqlPool } from "@/lib/database/sql-pool";
import { db } from "@/lib/db";
import { stopJobClient } from "@/lib/jobs/boss";
import { resetEnvCache } from "@/lib/env";
import { startSimulator, type Simulator, type SimulatorOptions } from "@/simulator/server";

export interface SimulatorFixture {
  sim: Simulator;
  context: GuardContext;
  credentialId: string;
  /** Stops the simulator and ends the connections the app code opened: the job client, the SQL pool, Prisma. */
  close(): Promise<void>;
}

/** Starts a simulator and lets this process's app code reach it (JUMPCLOUD_ALLOWED_ORIGINS). */
export async function startSimulatorFixture(options: SimulatorOptions = {}): Promise<SimulatorFixture> {
  const sim = await startSimulator({ port: 0, ...options });
  // A test fixture configures the app code it runs, as a deployment would through the environment.
  // eslint-disable-next-line no-restricted-properties
  process.env.JUMPCLOUD_ALLOWED_ORIGINS = sim.origin;
  resetEnvCache();
  const tag = randomBytes(4).toString("hex");
  const user = await db.user.create({ data: { email: `tester-${tag}@example.com`, name: `Tester ${tag}`, passwordHash: "x", role: "editor" } });
  const context: GuardContext = { user: { id: user.id, email: user.email, name: user.name, role: "editor", mustChangePassword: false }, ip: "127.0.0.1" };
  const credential = await createCredential(
    { name: `Simulator ${tag}`, description: "", service: "jumpcloud", authType: "apiKey", fields: { apiKey: sim.keys.singleOrg, region: "us", baseUrl: sim.origin } },
    context,
  );
  const close = async () => {
    await sim.close();
    await stopJobClient();
    await closeSqlPool();
    await db.$disconnect();
  };
  return { sim, context, credentialId: credential.id, close };
}
