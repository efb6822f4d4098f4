// What the compliance pages read beyond the API's aggregates: the change since the previous snapshot, hostnames
// stored from the systems lookup, the drill-down views and their CSV file names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complianceChange, listPairs } from "./compliance-queries";
import { drillDownExport, drillDownView } from "./drill-down";
import { csvFileName } from "./pairs-csv";
import { recordSnapshot } from "./record-snapshot";
import { takeSnapshot } from "./take-snapshot";
import { createTestMonitor, queueSnapshotRow } from "./testing/compliance-fixtures";
import { startSimulatorFixture, type SimulatorFixture } from "@/lib/testing/simulator-fixture";

let fixture: SimulatorFixture;

beforeAll(async () => {
  fixture = await startSimulatorFixture();
});

afterAll(() => fixture.close());

const policies = [
  { id: "p1", name: "Windows - Lock Screen" },
  { id: "p2", name: "macOS - FileVault 2" },
];

describe("compliance views", () => {
  it("reports the change since the previous snapshot, keeps hostnames between lookups, and drills down by policy and system", async () => {
    const monitor = await createTestMonitor(fixture);
    const base = { monitorId: monitor.id, requests: 2, pages: 2, durationMs: 5, alertRules: [], failedPolicies: [], policies };
    expect(await complianceChange({ monitorId: monitor.id })).toEqual({ latest: expect.objectContaining({ failing: 0, complianceRate: null }), previous: null, observedAt: null });

    const t0 = new Date(Date.now() - 2000);
    await recordSnapshot({
      ...base,
      snapshotId: (await queueSnapshotRow(monitor.id, t0)).id,
      observedAt: t0,
      hostnames: [{ systemId: "a", hostname: "web-01" }, { systemId: "b", hostname: "mac-02" }],
      pairs: [
        { policyId: "p1", systemId: "a", state: "failing", detail: "exit 1: locked out" },
        { policyId: "p1", systemId: "b", state: "passing" },
        { policyId: "p2", systemId: "b", state: "passing" },
      ],
    });
    const first = await complianceChange({ monitorId: monitor.id });
    expect(first.previous).toBeNull();
    expect(first.latest).toMatchObject({ failing: 1, passing: 2 });

    // The next snapshot's lookup failed (no hostnames): the stored names stay.
    const t1 = new Date(t0.getTime() + 1000);
    await recordSnapshot({
      ...base,
      snapshotId: (await queueSnapshotRow(monitor.id, t1)).id,
      observedAt: t1,
      pairs: [
        { policyId: "p1", systemId: "a", state: "failing", detail: "exit 1: locked out" },
        { policyId: "p1", systemId: "b", state: "failing", detail: "exit 2: no screen saver" },
        { policyId: "p2", systemId: "b", state: "passing" },
      ],
    });
    const change = await complianceChange({ monitorId: monitor.id });
    expect(change.latest).toMatchObject({ failing: 2, passing: 1 });
    expect(change.previous).toMatchObject({ failing: 1, passing: 2 });
    expect(change.latest.complianceRate! - change.previous!.complianceRate!).toBeCloseTo(100 / 3 - 200 / 3);
    expect(change.observedAt).toBe(t1.toISOString());
    const failing = await listPairs({ monitorId: monitor.id, states: ["failing"], limit: 10 });
    expect(failing.pairs.map((p) => [p.policyName, p.hostname])).toEqual([
      ["Windows - Lock Screen", "web-01"],
      ["Windows - Lock Screen", "mac-02"],
    ]);

    const policy = await drillDownView({ policyId: "p1" }, monitor.id);
    expect(policy).toMatchObject({ name: "Windows - Lock Screen", more: false, counts: { failing: 2, passing: 0, pending: 0, unknown: 0 }, observedAt: t1.toISOString() });
    const system = await drillDownView({ systemId: "b" }, monitor.id);
    expect(system.name).toBe("mac-02");
    // Failing first.
    expect(system.pairs.map((p) => [p.policyId, p.state])).toEqual([
      ["p1", "failing"],
      ["p2", "passing"],
    ]);
    await expect(drillDownView({ policyId: "nope" }, monitor.id)).rejects.toMatchObject({ kind: "notFound" });

    const csv = await drillDownExport({ systemId: "b" }, { monitorId: monitor.id }, new AbortController().signal);
    const stamp = t1.toISOString().slice(0, 16).replace(/[:T]/g, "-");
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="compliance-system-mac-02-${stamp}.csv"`);
    const rows = (await csv.text()).trim().split("\r\n");
    // Oldest change first, as the pairs API pages them; every row names the policy and the system.
    expect(rows.slice(1).map((row) => row.split(",").slice(1, 6))).toEqual([
      ["p2", "macOS - FileVault 2", "b", "mac-02", "passing"],
      ["p1", "Windows - Lock Screen", "b", "mac-02", "failing"],
    ]);
  });

  it("resolves every system's hostname through the credential during a snapshot", async () => {
    const headers = { "x-api-key": fixture.sim.keys.singleOrg, Accept: "application/json" };
    const listed = (await (await fetch(`${fixture.sim.origin}/api/systems?limit=100`, { headers })).json()) as { results: Array<{ _id: string; hostname: string }> };
    const expected = new Map(listed.results.map((system) => [system._id, system.hostname]));
    const monitor = await createTestMonitor(fixture);
    const run = await takeSnapshot((await queueSnapshotRow(monitor.id)).id);
    expect(run.status).toBe("success");
    const pairs = await listPairs({ monitorId: monitor.id, limit: 1000 });
    expect(pairs.pairs.length).toBeGreaterThan(0);
    for (const pair of pairs.pairs) expect(pair.hostname, pair.systemId).toBe(expected.get(pair.systemId));
  });

  it("names CSV files by what they hold and the snapshot's time, in a safe slug", () => {
    expect(csvFileName("policy-Windows - Lock Screen (Finance)", "2026-12-01T09:05:00Z")).toBe("compliance-policy-windows-lock-screen-finance-2026-12-01-09-05.csv");
    expect(csvFileName('system-"evil"\r\n/../x', null)).toBe("compliance-system-evil-x-no-snapshot.csv");
  });
});
