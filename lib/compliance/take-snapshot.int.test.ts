import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { complianceSummary, complianceTrend, failingByPolicy, listPairs } from "./compliance-queries";
import { recordSnapshot } from "./record-snapshot";
import { takeSnapshot } from "./take-snapshot";
import { createTestMonitor, queueSnapshotRow } from "./testing/compliance-fixtures";
import { startSimulatorFixture, type SimulatorFixture } from "@/lib/testing/simulator-fixture";

let fixture: SimulatorFixture;

beforeAll(async () => {
  fixture = await startSimulatorFixture();
});

afterAll(() => fixture.close());

const transitionsOf = (monitorId: string) => db.complianceTransition.count({ where: { pair: { monitorId } } });

/** Every (policy, system) status the simulator holds for the single-org key, straight from its API. */
async function simulatorPairs(): Promise<Map<string, string>> {
  const headers = { "x-api-key": fixture.sim.keys.singleOrg, Accept: "application/json" };
  const policies = (await (await fetch(`${fixture.sim.origin}/api/v2/policies?limit=100`, { headers })).json()) as Array<{ id: string }>;
  const pairs = new Map<string, string>();
  for (const policy of policies) {
    const statuses = (await (await fetch(`${fixture.sim.origin}/api/v2/policies/${policy.id}/policystatuses?limit=100`, { headers })).json()) as Array<{ systemID: string; state: string }>;
    for (const status of statuses) pairs.set(`${policy.id}/${status.systemID}`, status.state);
  }
  return pairs;
}

describe("compliance snapshots", () => {
  it("records every pair once, then only what changes, and reads the same counts back", async () => {
    const monitor = await createTestMonitor(fixture);
    const expected = await simulatorPairs();
    const first = await takeSnapshot((await queueSnapshotRow(monitor.id)).id);
    expect(first.status).toBe("success");
    expect(first.transitions).toBe(expected.size);
    const failing = [...expected.values()].filter((s) => s === "failed").length;
    expect(first.counts).toMatchObject({ failing, passing: [...expected.values()].filter((s) => s === "success").length });

    const second = await takeSnapshot((await queueSnapshotRow(monitor.id)).id);
    expect(second).toMatchObject({ status: "success", transitions: 0 });
    expect(await transitionsOf(monitor.id)).toBe(expected.size);

    const summary = await complianceSummary({ monitorId: monitor.id });
    expect(summary.monitors[0]).toMatchObject({ failing, lastSnapshot: { status: "success" } });
    const byPolicy = await failingByPolicy({ monitorId: monitor.id });
    expect(byPolicy.reduce((sum, p) => sum + p.failing, 0)).toBe(failing);
    expect(byPolicy[0]!.policyName).toMatch(/ - /);
    const failingPairs = await listPairs({ monitorId: monitor.id, states: ["failing"], limit: 1000 });
    expect(failingPairs.pairs).toHaveLength(failing);
    expect(failingPairs.pairs[0]).toMatchObject({ state: "failing", failingSince: failingPairs.pairs[0]!.since, detail: expect.stringMatching(/exit \d+/) });
    const trend = await complianceTrend({ monitorId: monitor.id, bucket: "day", from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 60_000) });
    expect(trend).toHaveLength(1);
    expect(trend[0]).toMatchObject({ failing, snapshots: 1 });
  });

  it("marks every pair unknown when nothing can be read, never compliant, and keeps the failing streak across it", async () => {
    const monitor = await createTestMonitor(fixture);
    const first = await takeSnapshot((await queueSnapshotRow(monitor.id)).id);
    const pairs = first.counts!.passing + first.counts!.failing + first.counts!.pending;
    const before = new Date();
    fixture.sim.setOptions({ faultRate: 1, faultKinds: ["502"] });
    let failed;
    try {
      failed = await takeSnapshot((await queueSnapshotRow(monitor.id)).id);
    } finally {
      fixture.sim.setOptions({ faultRate: 0 });
    }
    expect(failed).toMatchObject({ status: "failed", counts: { passing: 0, failing: 0, pending: 0, unknown: pairs }, transitions: pairs });
    const row = await db.complianceSnapshot.findUniqueOrThrow({ where: { id: failed.snapshotId } });
    expect(row.errorMessage).toMatch(/policy list could not be read.*502/);
    expect((await complianceSummary({ monitorId: monitor.id })).monitors[0]!.complianceRate).toBeNull();

    // The state before the failure is still there for "what was it at T".
    const then = await listPairs({ monitorId: monitor.id, at: before, states: ["failing"], limit: 1000 });
    expect(then.pairs).toHaveLength(first.counts!.failing);

    const recovered = await takeSnapshot((await queueSnapshotRow(monitor.id)).id);
    expect(recovered).toMatchObject({ status: "success", counts: first.counts, transitions: pairs });
    const streaks = await listPairs({ monitorId: monitor.id, states: ["failing"], limit: 1000 });
    // Failing, then unknown, then failing again: still failing since the first snapshot.
    for (const pair of streaks.pairs) expect(new Date(pair.failingSince!).getTime()).toBeLessThan(before.getTime());
  });

  it("changes nothing twice: a repeated or concurrent run of one snapshot writes its transitions once", async () => {
    const monitor = await createTestMonitor(fixture);
    const snapshot = await queueSnapshotRow(monitor.id);
    const [a, b] = await Promise.all([takeSnapshot(snapshot.id), takeSnapshot(snapshot.id)]);
    const written = [a, b].filter((run) => run.written);
    expect(written).toHaveLength(1);
    const again = await takeSnapshot(snapshot.id);
    expect(again.skipped).toBe("final");
    expect(await transitionsOf(monitor.id)).toBe(written[0]!.transitions);
    expect(await db.complianceSnapshot.count({ where: { monitorId: monitor.id } })).toBe(1);
  });

  it("leaves a policy whose listing failed unknown, removes pairs no longer listed, and never lets an older reading overwrite a newer one", async () => {
    const monitor = await createTestMonitor(fixture);
    const base = { monitorId: monitor.id, requests: 3, pages: 3, durationMs: 10, alertRules: [{ type: "snapshotFailed" as const }] };
    const policies = [{ id: "p1", name: "Policy one" }, { id: "p2", name: "Policy two" }];
    const t0 = new Date(Date.now() - 3000);
    const s0 = await queueSnapshotRow(monitor.id, t0);
    await recordSnapshot({
      ...base, snapshotId: s0.id, observedAt: t0, policies, failedPolicies: [],
      pairs: [
        { policyId: "p1", systemId: "a", state: "passing" },
        { policyId: "p1", systemId: "b", state: "failing", detail: "exit 1" },
        { policyId: "p2", systemId: "a", state: "passing" },
      ],
    });
    const t1 = new Date(t0.getTime() + 1000);
    const s1 = await queueSnapshotRow(monitor.id, t1);
    const partial = await recordSnapshot({
      ...base, snapshotId: s1.id, observedAt: t1, policies,
      failedPolicies: [{ policyId: "p2", policyName: "Policy two", kind: "unavailable", message: "HTTP 503" }],
      pairs: [{ policyId: "p1", systemId: "a", state: "passing" }],
    });
    expect(partial).toMatchObject({ status: "partial", transitions: 2, counts: { passing: 1, failing: 0, unknown: 1 } });
    expect(partial.alerts[0]!.rule.type).toBe("snapshotFailed");
    const states = await db.compliancePair.findMany({ where: { monitorId: monitor.id }, select: { policyId: true, systemId: true, state: true }, orderBy: [{ policyId: "asc" }, { systemId: "asc" }] });
    expect(states).toEqual([
      { policyId: "p1", systemId: "a", state: "passing" },
      { policyId: "p1", systemId: "b", state: "removed" },
      { policyId: "p2", systemId: "a", state: "unknown" },
    ]);

    // An older observation finishing late (a retried job) is superseded and writes nothing.
    const late = await queueSnapshotRow(monitor.id, new Date(t0.getTime() + 500));
    const superseded = await recordSnapshot({ ...base, snapshotId: late.id, observedAt: new Date(t0.getTime() + 500), policies, failedPolicies: [], pairs: [] });
    expect(superseded).toMatchObject({ status: "superseded", transitions: 0 });
    expect(await transitionsOf(monitor.id)).toBe(3 + 2);
  });

  it("stores a policy name holding a NUL character (which Postgres refuses) without it, instead of failing every snapshot", async () => {
    const headers = { Accept: "application/json", "Content-Type": "application/json", "x-api-key": fixture.sim.keys.singleOrg };
    const [template] = (await (await fetch(`${fixture.sim.origin}/api/v2/policytemplates?limit=1`, { headers })).json()) as Array<{ id: string }>;
    const created = await fetch(`${fixture.sim.origin}/api/v2/policies`, { method: "POST", headers, body: JSON.stringify({ name: "Nul\u0000Policy", template: { id: template!.id } }) });
    const policy = (await created.json()) as { id: string };
    const monitor = await createTestMonitor(fixture, { scope: { kind: "policies", policyIds: [policy.id] } });
    const run = await takeSnapshot((await queueSnapshotRow(monitor.id)).id);
    expect(run.status).toBe("success");
    expect(await db.compliancePolicy.findUniqueOrThrow({ where: { monitorId_policyId: { monitorId: monitor.id, policyId: policy.id } } })).toMatchObject({ name: "NulPolicy" });
  });

  it("after JumpCloud changes (the simulator's churn: flips, re-runs, systems and policies coming and going), records exactly the pairs that changed", async () => {
    const monitor = await createTestMonitor(fixture);
    const before = await simulatorPairs();
    await takeSnapshot((await queueSnapshotRow(monitor.id)).id);
    fixture.sim.setOptions({ churn: "demo" });
    try {
      fixture.sim.advance(3);
    } finally {
      fixture.sim.setOptions({ churn: "off" });
    }
    const after = await simulatorPairs();
    const ours = { success: "passing", failed: "failing", pending: "pending" } as Record<string, string>;
    const expected = new Map<string, string>();
    for (const [pair, state] of after) if (before.get(pair) !== state) expected.set(pair, ours[state]!);
    for (const pair of before.keys()) if (!after.has(pair)) expected.set(pair, "removed");
    expect(expected.size).toBeGreaterThan(0);

    const run = await takeSnapshot((await queueSnapshotRow(monitor.id)).id);
    expect(run.transitions).toBe(expected.size);
    const changed = await db.complianceTransition.findMany({
      where: { pair: { monitorId: monitor.id }, previous: { not: null } },
      select: { state: true, pair: { select: { policyId: true, systemId: true } } },
    });
    const newPairs = [...expected.keys()].filter((pair) => !before.has(pair)).length;
    expect(changed).toHaveLength(expected.size - newPairs);
    for (const row of changed) expect(expected.get(`${row.pair.policyId}/${row.pair.systemId}`)).toBe(row.state);
  });
});
