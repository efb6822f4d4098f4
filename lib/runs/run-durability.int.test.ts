// A run is recorded before its call and finished after it: losing the database's connections mid-call neither loses
// the run nor turns a write that happened into "try again"; a write whose outcome is unknown says so.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { startSimulatorFixture, type SimulatorFixture } from "@/lib/testing/simulator-fixture";
import { executeNode } from "./execute-node";

let fixture: SimulatorFixture;

beforeAll(async () => {
  fixture = await startSimulatorFixture();
});

afterAll(async () => {
  fixture.sim.setOptions({ latencyMs: 0 });
  await fixture.close();
});

/** What a Postgres restart looks like to the app: every connection of this database is ended by the server. */
async function terminateConnections(): Promise<number> {
  const url = new URL(process.env.DATABASE_URL!);
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [url.pathname.slice(1)]);
    return rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

const create = (name: string) => ({
  config: { integration_service: "jumpcloud", resource: "policy", operation: "create", parameters: { policyData: { name, template: "windows_security_baseline" } }, credential: { id: fixture.credentialId } },
  input: undefined,
  via: "api" as const,
});

describe("runs survive the database dropping its connections mid-call", () => {
  it("a slow create whose database connections are terminated during the call returns its policy and records the run", async () => {
    const name = `durable-${randomBytes(3).toString("hex")}`;
    fixture.sim.setOptions({ latencyMs: 1_500 });
    const pending = executeNode(create(name), fixture.context);
    // Once the create is on its way, the run row exists already, as running.
    await expect.poll(async () => (await db.run.findFirst({ where: { credentialId: fixture.credentialId, status: "running" } }))?.id, { timeout: 10_000 }).toBeDefined();
    expect(await terminateConnections()).toBeGreaterThan(0);
    const result = await pending;
    fixture.sim.setOptions({ latencyMs: 0 });
    expect(result.items).toMatchObject([{ name }]);
    expect(result.meta.warnings.filter((warning) => warning.code === "runNotRecorded")).toEqual([]);
    expect(await db.run.findUniqueOrThrow({ where: { id: result.meta.runId } })).toMatchObject({ status: "success", itemCount: 1, operation: "create" });
    expect(await db.auditEvent.count({ where: { action: "credential.used", actorId: fixture.context.user.id } })).toBeGreaterThan(0);
  }, 60_000);

  it("a write cut off before its answer says it may have happened, and its run says so too", async () => {
    const name = `unknown-${randomBytes(3).toString("hex")}`;
    fixture.sim.setOptions({ latencyMs: 5_000 });
    const controller = new AbortController();
    const pending = executeNode({ ...create(name), signal: controller.signal }, fixture.context).catch((error: unknown) => error);
    await expect.poll(async () => (await db.run.findFirst({ where: { credentialId: fixture.credentialId, status: "running" } }))?.id, { timeout: 10_000 }).toBeDefined();
    // Cancelled while the run's requests are held at the simulator.
    await expect.poll(() => fixture.sim.stats().inFlight, { timeout: 10_000 }).toBeGreaterThan(0);
    controller.abort();
    const error = (await pending) as AppError;
    fixture.sim.setOptions({ latencyMs: 0 });
    expect(error).toBeInstanceOf(AppError);
    expect(error.message).toContain("The policy create may have happened at JumpCloud before this failure: check before retrying.");
    expect(error.message).not.toMatch(/try again/i);
    expect(await db.run.findUniqueOrThrow({ where: { id: error.runId! } })).toMatchObject({ status: "error", errorMessage: error.message });
  }, 60_000);

  it("a read that fails is not called unknown", async () => {
    const error = (await executeNode(
      { config: { integration_service: "jumpcloud", resource: "policy", operation: "get", parameters: { policyId: "5f4d7c8e9a1b2c3d4e5f0000" }, credential: { id: fixture.credentialId } }, input: undefined, via: "api" },
      fixture.context,
    ).catch((e: unknown) => e)) as AppError;
    expect(error.kind).toBe("policyNotFound");
    expect(error.message).not.toContain("may have happened");
  });
});
