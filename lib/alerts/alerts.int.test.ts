// Alerts end to end below the UI: dedupe in Postgres, signed deliveries a receiver verifies, retries through
// pg-boss with backoff, and the alerts a monitor's snapshots raise (once per transition).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recordSnapshot, type Observation } from "@/lib/compliance/record-snapshot";
import { raiseSnapshotAlerts } from "@/lib/compliance/snapshot-alerts";
import { failAbandonedSnapshot } from "@/lib/compliance/snapshot-queue";
import { createTestMonitor, queueSnapshotRow } from "@/lib/compliance/testing/compliance-fixtures";
import { startSimulatorFixture, type SimulatorFixture } from "@/lib/testing/simulator-fixture";
import { sqlPool } from "@/lib/database/sql-pool";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { jobIdFor } from "@/lib/jobs/job-id";
import { waitFor } from "@/lib/jobs/testing/worker-process";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { DeliveryAttemptFailed, deliverAlert } from "./deliver-alert";
import { createDestination, rotateDestinationSecret, sendTestAlert } from "./destination-store";
import { raiseAlert } from "./raise-alert";
import { startWebhookReceiver, type WebhookReceiver } from "./testing/webhook-receiver";

let fixture: SimulatorFixture;
let receiver: WebhookReceiver;

const source = { type: "monitor" as const, id: "mon_test", name: "Test monitor" };
const event = (dedupeKey: string, kind: "compliance.newFailures" | "drift.detected" = "compliance.newFailures") => ({
  kind,
  dedupeKey,
  source,
  title: "2 pair(s) started failing",
  text: "Windows baseline on host-1\nWindows baseline on host-2",
  data: { count: 2 },
});

async function destination(options: { kinds?: Array<"compliance.newFailures" | "drift.detected">; format?: "json" | "slack" } = {}) {
  const created = await createDestination(
    { name: `Receiver ${Math.random().toString(36).slice(2, 8)}`, url: receiver.url, format: options.format ?? "json", kinds: options.kinds ?? [], enabled: true },
    fixture.context.user,
  );
  receiver.setSecret(created.secret);
  return created;
}

const deliveriesOf = (destinationId: string) => db.alertDelivery.findMany({ where: { destinationId }, include: { attemptLog: { orderBy: { at: "asc" } } }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  fixture = await startSimulatorFixture();
  receiver = await startWebhookReceiver();
  Object.assign(process.env, { ALERT_ALLOWED_ORIGINS: receiver.origin, ALERT_MAX_ATTEMPTS: "3", ALERT_RETRY_DELAY_SECONDS: "1", JOBS_POLL_INTERVAL_SECONDS: "0.5" });
  resetEnvCache();
});

beforeEach(async () => {
  await db.alertDestination.deleteMany();
  receiver.receipts.length = 0;
  receiver.script([]);
});

afterAll(async () => {
  await receiver.close();
  await fixture.close();
});

describe("raiseAlert", () => {
  it("queues one delivery per destination and key: repeats, and raises racing each other, queue nothing more", async () => {
    const [a, b] = [await destination(), await destination()];
    await destination({ kinds: ["drift.detected"] });
    expect(await raiseAlert(event("snapshot:s1:newFailures:1"))).toEqual({ queued: 2 });
    expect(await raiseAlert(event("snapshot:s1:newFailures:1"))).toEqual({ queued: 0 });
    const racing = await Promise.all(Array.from({ length: 6 }, () => raiseAlert(event("snapshot:s2:newFailures:1"))));
    expect(racing.reduce((sum, r) => sum + r.queued, 0)).toBe(2);
    expect(await db.alertDelivery.count({ where: { destinationId: { in: [a.destination.id, b.destination.id] } } })).toBe(4);
    // One pg-boss job per delivery, its id derived from the delivery's.
    const ids = (await db.alertDelivery.findMany({ select: { id: true } })).map((row) => jobIdFor(`alert-delivery:${row.id}`));
    const jobs = await sqlPool().query(`SELECT id FROM pgboss.job WHERE name = 'alert-delivery' AND id = ANY($1::uuid[])`, [ids]);
    expect(jobs.rowCount).toBe(4);
  });

  it("refuses an unknown kind and data too large to send", async () => {
    await expect(raiseAlert({ ...event("k"), kind: "sms" as "test" })).rejects.toThrow(/Unknown alert kind "sms"/);
    await expect(raiseAlert({ ...event("k"), data: { list: "x".repeat(40_000) } })).rejects.toThrow(/keep it under 32768/);
  });
});

describe("delivery", () => {
  it("signs each attempt so the receiver verifies it, retries a 500 with the same webhook-id, and logs every attempt without the secret", async () => {
    const { destination: dest, secret } = await destination();
    receiver.script([500]);
    await raiseAlert(event("snapshot:s3:newFailures:1"));
    const [queued] = await deliveriesOf(dest.id);
    await expect(deliverAlert(queued!.id)).rejects.toThrow(DeliveryAttemptFailed);
    expect(await deliverAlert(queued!.id)).toMatchObject({ status: "delivered", statusCode: 200 });
    expect(await deliverAlert(queued!.id)).toMatchObject({ status: "skipped" });

    expect(receiver.receipts.map((r) => [r.id, r.verified, r.answered])).toEqual([
      [queued!.id, true, 500],
      [queued!.id, true, 200],
    ]);
    expect(receiver.accepted()).toHaveLength(1);
    expect(JSON.parse(receiver.receipts[1]!.body)).toMatchObject({ type: "compliance.newFailures", data: { id: queued!.id, source, details: { count: 2 } } });

    const [done] = await deliveriesOf(dest.id);
    expect(done).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 200 });
    expect(done!.attemptLog.map((a) => [a.statusCode, a.error])).toEqual([
      [500, "HTTP 500: receiver says 500"],
      [200, null],
    ]);
    const stored = JSON.stringify(await db.alertDestination.findMany({ include: { deliveries: { include: { attemptLog: true } } } }), (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(stored).not.toContain(secret.slice(6));
    const audit = JSON.stringify(await db.auditEvent.findMany({ where: { action: { startsWith: "alert_destination" } } }));
    expect(audit).not.toContain(secret.slice(6));
  });

  it("marks a delivery failed at ALERT_MAX_ATTEMPTS, and a refused address fails without a response", async () => {
    const { destination: dest } = await destination();
    receiver.script([503, 503, 503]);
    await raiseAlert(event("snapshot:s4:newFailures:1"));
    const [queued] = await deliveriesOf(dest.id);
    await expect(deliverAlert(queued!.id)).rejects.toThrow(/Attempt 1 of 3/);
    await expect(deliverAlert(queued!.id)).rejects.toThrow(/Attempt 2 of 3/);
    expect(await deliverAlert(queued!.id)).toMatchObject({ status: "failed", statusCode: 503 });

    // The allow-list shrinks after the destination was saved: the delivery-time check still refuses the address.
    process.env.ALERT_ALLOWED_ORIGINS = "";
    resetEnvCache();
    try {
      await raiseAlert(event("snapshot:s5:newFailures:1"));
      const [, blocked] = await deliveriesOf(dest.id);
      await expect(deliverAlert(blocked!.id)).rejects.toThrow(/HTTPS only.*ALERT_ALLOWED_ORIGINS/);
      const [attempt] = (await deliveriesOf(dest.id))[1]!.attemptLog;
      expect(attempt).toMatchObject({ statusCode: null, error: expect.stringContaining("ALERT_ALLOWED_ORIGINS") });
    } finally {
      process.env.ALERT_ALLOWED_ORIGINS = receiver.origin;
      resetEnvCache();
    }
    expect(receiver.receipts).toHaveLength(3);
  });

  it("through a worker: pg-boss retries a 500 with backoff and the receiver accepts the alert exactly once", async () => {
    const { destination: dest } = await destination();
    receiver.script([500]);
    const worker: RunningWorker = await startWorker({ log: () => {} });
    try {
      const { deliveryId } = await sendTestAlert(dest.id, fixture.context.user);
      const delivered = await waitFor(
        () => db.alertDelivery.findUniqueOrThrow({ where: { id: deliveryId } }),
        (row) => row.status !== "queued",
      );
      expect(delivered).toMatchObject({ status: "delivered", attempts: 2, kind: "test" });
      const job = await sqlPool().query<{ retry_count: number; state: string }>(
        `SELECT retry_count, state FROM pgboss.job WHERE id = $1 UNION ALL SELECT retry_count, state FROM pgboss.archive WHERE id = $1`,
        [jobIdFor(`alert-delivery:${deliveryId}`)],
      );
      expect(job.rows).toEqual([{ retry_count: 1, state: "completed" }]);
      expect(receiver.accepted().map((r) => r.id)).toEqual([deliveryId]);
      expect(receiver.receipts.map((r) => r.answered)).toEqual([500, 200]);
    } finally {
      await worker.stop();
    }
  });

  it("after a rotation signs with both secrets until the overlap ends", async () => {
    const { destination: dest, secret: old } = await destination();
    const { secret: fresh } = await rotateDestinationSecret(dest.id, 24, fixture.context.user);
    await raiseAlert(event("snapshot:s6:newFailures:1"));
    const [queued] = await deliveriesOf(dest.id);
    receiver.setSecret(old);
    await deliverAlert(queued!.id);
    expect(receiver.receipts[0]).toMatchObject({ verified: true });
    expect(receiver.receipts[0]!.signature.split(" ")).toHaveLength(2);

    await rotateDestinationSecret(dest.id, 0, fixture.context.user);
    await raiseAlert(event("snapshot:s7:newFailures:1"));
    const [, second] = await deliveriesOf(dest.id);
    receiver.setSecret(fresh);
    await expect(deliverAlert(second!.id)).rejects.toThrow(/401/);
    expect(receiver.receipts[1]!.signature.split(" ")).toHaveLength(1);
  });

  it("sends Slack-compatible bodies to slack destinations", async () => {
    const { destination: dest } = await destination({ format: "slack" });
    await raiseAlert({ ...event("snapshot:s8:newFailures:1"), title: "a <b> & c" });
    const [queued] = await deliveriesOf(dest.id);
    const body = JSON.parse(queued!.body) as { text: string; blocks: Array<{ type: string }> };
    expect(body.text).toMatch(/^a &lt;b&gt; &amp; c\n/);
    expect(body.blocks.map((b) => b.type)).toEqual(["header", "section", "context"]);
  });
});

describe("alerts from snapshots", () => {
  /** A monitor with `alertRules` whose snapshots are recorded a second apart, their alerts raised as the worker does. */
  async function monitorWithSnapshots(alertRules: Array<Record<string, unknown>>) {
    const monitor = await createTestMonitor(fixture, { alertRules });
    const rules = (await db.monitor.findUniqueOrThrow({ where: { id: monitor.id } })).alertRules as unknown as Observation["alertRules"];
    const policies = [{ id: "p1", name: "Disk encryption" }];
    let clock = Date.now() - 60_000;
    const nextInstant = () => new Date((clock += 1000));
    const snapshot = async (pairs: Observation["pairs"], failure?: Observation["failure"]) => {
      const at = nextInstant();
      const row = await queueSnapshotRow(monitor.id, at);
      await recordSnapshot({ snapshotId: row.id, monitorId: monitor.id, observedAt: at, policies, pairs, failedPolicies: [], requests: 1, pages: 1, durationMs: 5, alertRules: rules, ...(failure ? { failure } : {}) });
      return { id: row.id, queued: await raiseSnapshotAlerts(row.id) };
    };
    return { monitor, snapshot, nextInstant };
  }

  it("raise newly failing and recovered pairs as one batched alert each, and a rate or failure only when the monitor crosses into it", async () => {
    const { destination: dest } = await destination();
    const { monitor, snapshot } = await monitorWithSnapshots([{ type: "newFailures", atLeast: 1 }, { type: "recovered" }, { type: "complianceBelow", percent: 90 }, { type: "snapshotFailed" }]);
    const systems = Array.from({ length: 60 }, (_, i) => `sys${String(i).padStart(2, "0")}`);
    const all = (state: "passing" | "failing", failingUpTo = systems.length) =>
      systems.map((systemId, i) => ({ policyId: "p1", systemId, state: i < failingUpTo ? state : ("passing" as const), detail: "exit 1" }));

    await snapshot(all("passing"));
    const kinds = async () => (await deliveriesOf(dest.id)).map((d) => d.kind);
    expect(await kinds()).toEqual([]);

    // 55 of 60 start failing: one newFailures alert listing 50 pairs with the count, and the rate crosses below 90%.
    const failing = await snapshot(all("failing", 55));
    expect(failing.queued).toBe(2);
    const [newFailures, rateBelow] = await deliveriesOf(dest.id);
    expect([newFailures!.kind, rateBelow!.kind]).toEqual(["compliance.newFailures", "compliance.rateBelow"]);
    const details = (JSON.parse(newFailures!.body) as { data: { details: { count: number; pairs: Array<{ policyName: string }>; truncated: boolean } } }).data.details;
    expect(details).toMatchObject({ count: 55, truncated: true });
    expect(details.pairs).toHaveLength(50);
    expect(details.pairs[0]!.policyName).toBe("Disk encryption");

    // Raising the same snapshot's alerts again (a retried job) sends nothing; nor does a snapshot that changes nothing.
    expect(await raiseSnapshotAlerts(failing.id)).toBe(0);
    expect((await snapshot(all("failing", 55))).queued).toBe(0);

    // The key is revoked: the failure alerts once, not on every snapshot while it lasts.
    expect((await snapshot([], { kind: "authFailed", message: "The API key was rejected." })).queued).toBe(1);
    expect((await snapshot([], { kind: "authFailed", message: "The API key was rejected." })).queued).toBe(0);
    expect((await deliveriesOf(dest.id)).at(-1)).toMatchObject({ kind: "compliance.monitorFailed", title: `${monitor.name}: snapshot failed` });

    // Back, with 50 passing again: judged against the state before the outage, they recovered (one alert), the 5
    // still failing are not new failures, and the rate (91.7%) is above the threshold.
    const back = await snapshot(all("failing", 5));
    expect(back.queued).toBe(1);
    expect((await deliveriesOf(dest.id)).at(-1)).toMatchObject({ kind: "compliance.recovered", title: `${monitor.name}: 50 failing pair(s) recovered` });
    expect(await kinds()).toEqual(["compliance.newFailures", "compliance.rateBelow", "compliance.monitorFailed", "compliance.recovered"]);
  });

  it("a snapshot job that failed every retry raises the monitor's failure alert once, and later failures still alert", async () => {
    const { destination: dest } = await destination();
    const { monitor, snapshot, nextInstant } = await monitorWithSnapshots([{ type: "snapshotFailed" }]);
    const passing = [{ policyId: "p1", systemId: "sys1", state: "passing" as const }];
    const kinds = async () => (await deliveriesOf(dest.id)).map((d) => d.kind);
    await snapshot(passing);

    // What the worker does with pg-boss's dead letter after the last retry.
    const abandoned = await queueSnapshotRow(monitor.id, nextInstant());
    await failAbandonedSnapshot(abandoned.id, "connection terminated unexpectedly");
    expect(await db.complianceSnapshot.findUniqueOrThrow({ where: { id: abandoned.id } })).toMatchObject({ status: "failed", errorKind: "jobFailed" });
    const [alert] = await deliveriesOf(dest.id);
    expect(alert).toMatchObject({ kind: "compliance.monitorFailed", title: `${monitor.name}: snapshot failed` });
    expect(alert!.body).toContain("failed on every retry: connection terminated unexpectedly");
    await failAbandonedSnapshot(abandoned.id, "connection terminated unexpectedly");
    expect(await kinds()).toEqual(["compliance.monitorFailed"]);

    // Working again, then failing: the given-up snapshot is history, not the monitor's latest state.
    await snapshot(passing);
    expect((await snapshot([], { kind: "authFailed", message: "The API key was rejected." })).queued).toBe(1);
    expect(await kinds()).toEqual(["compliance.monitorFailed", "compliance.monitorFailed"]);
  });
});
