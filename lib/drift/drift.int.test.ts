import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulatorFixture, type SimulatorFixture } from "@/lib/testing/simulator-fixture";
import { db } from "@/lib/db";
import { baselineCreateSchema, baselineUpdateSchema } from "./baseline-input";
import { createBaseline, getBaseline, listVersions, updateBaseline } from "./baseline-store";
import { createDestination } from "@/lib/alerts/destination-store";
import { resetEnvCache } from "@/lib/env";
import { raiseDriftAlerts } from "./drift-alerts";
import { acceptDrift, listDrift, planRevert, revertDrift } from "./drift-items";
import { checkNow, queueDueDriftChecks } from "./drift-queue";
import { simulatorApi } from "./testing/drift-fixtures";

let fixture: SimulatorFixture;
let api: ReturnType<typeof simulatorApi>;

beforeAll(async () => {
  fixture = await startSimulatorFixture();
  process.env.ALERT_ALLOWED_ORIGINS = "http://127.0.0.1:9";
  resetEnvCache();
  api = simulatorApi(fixture.sim);
  for (const policy of await api.policies()) {
    if ((await api.policy(policy.id)).configFields.some((f) => f.displayType === "number")) pool.push(policy.id);
  }
});

afterAll(() => fixture.close());

const pool: string[] = [];
/** Policies with a number field (for value drift), each used by one test only. */
function nextPolicies(count: number): string[] {
  if (pool.length < count) throw new Error("the simulator has too few policies with a number field");
  return pool.splice(0, count);
}

async function capture(policyIds: string[], extra: Record<string, unknown> = {}) {
  const input = baselineCreateSchema.parse({ name: `Baseline ${Math.random().toString(36).slice(2, 8)}`, credentialId: fixture.credentialId, policyIds, ...extra });
  return createBaseline(input, fixture.context.user);
}

const openItems = async (baselineId: string) => (await listDrift(baselineId, { status: "open", limit: 100 })).items;

/** A system of the organization that the policy is not directly associated with. */
async function unassociatedSystem(policyId: string): Promise<string> {
  const bound = new Set((await api.associations(policyId)).map((a) => a.to.id));
  const system = fixture.sim.systems.find((s) => s.orgId === fixture.sim.orgs[0]!.id && !bound.has(s.id));
  if (!system) throw new Error("no free system");
  return system.id;
}

describe("baselines and drift", () => {
  it("captures the policies' state as version 1 and a check of unchanged policies is clean", async () => {
    const ids = nextPolicies(2);
    const baseline = await capture(ids);
    expect(baseline.currentVersion).toBe(1);
    expect(baseline.policies.map((p) => p.id)).toEqual(ids);
    const details = await api.policy(ids[0]!);
    expect(baseline.policies[0]).toMatchObject({ name: details.name, notes: details.notes ?? "", template: { id: (details.template as { id: string }).id } });
    expect(baseline.policies[0]!.associations.length).toBe((await api.associations(ids[0]!)).length);
    const check = await checkNow(baseline.id, fixture.context.user);
    expect(check).toMatchObject({ status: "success", open: 0, opened: 0 });
    expect((await listVersions(baseline.id)).map((v) => v.reason)).toEqual(["captured"]);
  });

  it("refuses a policy id the organization does not have, naming it", async () => {
    await expect(capture(["0123456789abcdef01234567"])).rejects.toMatchObject({ kind: "invalid", path: "policyIds" });
  });

  it("finds an added association, a changed value and changed notes; keeps since-when; reverts one, accepts one, and resolves what went back", async () => {
    const [a, b] = nextPolicies(2);
    const baseline = await capture([a!, b!]);
    const system = await unassociatedSystem(a!);
    await api.associate(a!, "add", "system", system);
    const change = await api.numberChange(b!);
    await api.put(b!, { values: [{ configFieldID: change.configFieldID, value: change.to }], notes: "changed by hand" });

    const { destination: receiver } = await createDestination({ name: `Drift receiver ${baseline.id}`, url: "http://127.0.0.1:9/drift", format: "json", kinds: ["drift.detected"], enabled: true }, fixture.context.user);
    const first = await checkNow(baseline.id, fixture.context.user);
    expect(first).toMatchObject({ status: "success", open: 3, opened: 3 });
    // One alert per new item for each destination that takes drift alerts; other test files add their own at once.
    expect(first.alertsQueued).toBeGreaterThanOrEqual(3);
    expect(first.alertsQueued % 3).toBe(0);
    const alerts = await db.alertDelivery.findMany({ where: { destinationId: receiver.id }, select: { kind: true, sourceId: true, title: true } });
    expect(alerts).toHaveLength(3);
    expect(alerts[0]).toMatchObject({ kind: "drift.detected", sourceId: baseline.id, title: expect.stringMatching(/^Drift in Baseline/) });
    // Raising the same check's alerts again (a retried job) delivers nothing twice.
    expect(await raiseDriftAlerts(first.checkId)).toEqual({ queued: 0 });
    const items = await openItems(baseline.id);
    const added = items.find((i) => i.kind === "associationAdded")!;
    const value = items.find((i) => i.kind === "valueChanged")!;
    const notes = items.find((i) => i.kind === "notesChanged")!;
    expect(added).toMatchObject({ policyId: a, subject: `system ${system}`, expected: null, actual: `system ${system}` });
    expect(value).toMatchObject({ policyId: b, subject: change.name, expected: change.from, actual: change.to });
    expect(notes).toMatchObject({ actual: "changed by hand" });

    // Found again: the same items, since the first check.
    const second = await checkNow(baseline.id, fixture.context.user);
    expect(second).toMatchObject({ open: 3, opened: 0, resolved: 0, alertsQueued: 0 });
    await db.alertDestination.delete({ where: { id: receiver.id } });
    expect((await openItems(baseline.id)).find((i) => i.id === added.id)!.since).toEqual(added.since);

    const plan = await planRevert(baseline.id, added.id);
    expect(plan.refusal).toBeNull();
    expect(plan.changes).toEqual([`remove system ${system}`]);
    expect(plan.requests).toHaveLength(1);
    expect(plan.requests[0]).toMatchObject({ method: "POST", url: expect.stringContaining(`/policies/${a}/associations`), body: { op: "remove", type: "system", id: system } });
    const reverted = await revertDrift(baseline.id, added.id, fixture.context.user);
    expect(reverted.item).toMatchObject({ status: "resolved", resolution: "reverted" });
    expect((await api.associations(a!)).some((x) => x.to.id === system)).toBe(false);

    const accepted = await acceptDrift(baseline.id, value.id, fixture.context.user);
    expect(accepted.baselineVersion).toBe(2);
    expect((await getBaseline(baseline.id)).policies.find((p) => p.id === b)!.values.find((v) => v.field === change.configFieldID)!.value).toBe(change.to);
    await expect(acceptDrift(baseline.id, value.id, fixture.context.user)).rejects.toMatchObject({ kind: "conflict" });

    // The notes go back by hand: the next check resolves that item as gone.
    await api.put(b!, { notes: String((await getBaseline(baseline.id)).policies.find((p) => p.id === b)!.notes) });
    const third = await checkNow(baseline.id, fixture.context.user);
    expect(third).toMatchObject({ status: "success", open: 0, opened: 0, resolved: 1 });
    const all = (await listDrift(baseline.id, { status: "all", limit: 100 })).items;
    expect(all.map((i) => [i.kind, i.resolution]).sort()).toEqual([
      ["associationAdded", "reverted"],
      ["notesChanged", "gone"],
      ["valueChanged", "accepted"],
    ]);
    expect((await listVersions(baseline.id)).map((v) => v.reason)).toEqual(["accepted", "captured"]);
  });

  it("reports a removed association and a renamed policy, reverts them, and a deleted policy can only be accepted", async () => {
    const [a, b] = nextPolicies(2);
    const bound = (await api.associations(a!))[0];
    if (!bound) await api.associate(a!, "add", "system", await unassociatedSystem(a!));
    const baseline = await capture([a!, b!]);
    const target = (await api.associations(a!))[0]!.to;
    await api.associate(a!, "remove", target.type, target.id);
    const original = (await api.policy(a!)).name as string;
    await api.put(a!, { name: `${original} (renamed)` });
    await api.call("DELETE", `/policies/${b}`);

    await checkNow(baseline.id, fixture.context.user);
    const items = await openItems(baseline.id);
    expect(items.map((i) => i.kind).sort()).toEqual(["associationRemoved", "policyDeleted", "policyRenamed"]);
    for (const item of items.filter((i) => i.kind !== "policyDeleted")) await revertDrift(baseline.id, item.id, fixture.context.user);
    expect((await api.policy(a!)).name).toBe(original);
    expect((await api.associations(a!)).some((x) => x.to.id === target.id)).toBe(true);

    const deleted = items.find((i) => i.kind === "policyDeleted")!;
    expect((await planRevert(baseline.id, deleted.id)).refusal).toMatch(/cannot be restored/);
    await expect(revertDrift(baseline.id, deleted.id, fixture.context.user)).rejects.toMatchObject({ kind: "conflict" });
    await acceptDrift(baseline.id, deleted.id, fixture.context.user);
    expect((await getBaseline(baseline.id)).policies.map((p) => p.id)).toEqual([a]);
    expect(await checkNow(baseline.id, fixture.context.user)).toMatchObject({ status: "success", open: 0 });
  });

  it("leaves a policy's items as they were when it cannot be read, and records the check as partial", async () => {
    const [a] = nextPolicies(1);
    const baseline = await capture([a!]);
    await api.put(a!, { notes: "drifted" });
    await checkNow(baseline.id, fixture.context.user);
    fixture.sim.setOptions({ faultRate: 1, faultKinds: ["502"] });
    let partial;
    try {
      partial = await checkNow(baseline.id, fixture.context.user);
    } finally {
      fixture.sim.setOptions({ faultRate: 0 });
    }
    expect(partial).toMatchObject({ status: "partial", open: 1, resolved: 0 });
    const check = (await listDrift(baseline.id, { status: "all", limit: 10 })).checks[0]!;
    expect(check.errors).toEqual([expect.objectContaining({ policyId: a })]);
  });

  it("reports compliance regressions of the baseline's systems from a monitor on the same credential, and accepting one keeps it quiet", async () => {
    const [a] = nextPolicies(1);
    const baseline = await capture([a!]);
    const monitor = await db.monitor.create({ data: { name: `Regression monitor ${baseline.id}`, credentialId: fixture.credentialId, scopeKind: "all", scheduleKind: "hourly", cron: "0 * * * *", timezone: "UTC" } });
    await db.compliancePair.create({ data: { monitorId: monitor.id, policyId: a!, systemId: "5a1b2c3d4e5f67890abcdef1", state: "failing", since: new Date(), detail: "exit 1: firewall off" } });
    await db.compliancePair.create({ data: { monitorId: monitor.id, policyId: a!, systemId: "5a1b2c3d4e5f67890abcdef2", state: "failing", since: new Date(Date.now() - 86_400_000) } });
    await checkNow(baseline.id, fixture.context.user);
    const items = await openItems(baseline.id);
    expect(items).toEqual([expect.objectContaining({ kind: "complianceRegression", subject: "system 5a1b2c3d4e5f67890abcdef1", actual: "failing: exit 1: firewall off" })]);
    expect((await planRevert(baseline.id, items[0]!.id)).refusal).toMatch(/accept/);
    expect((await acceptDrift(baseline.id, items[0]!.id, fixture.context.user)).baselineVersion).toBeNull();
    expect(await checkNow(baseline.id, fixture.context.user)).toMatchObject({ open: 0, opened: 0 });
    await db.monitor.delete({ where: { id: monitor.id } });
  });

  it("an edited desired state is a new version that checks compare against", async () => {
    const [a] = nextPolicies(1);
    const baseline = await capture([a!]);
    const policies = baseline.policies.map((p) => ({ ...p, notes: "wanted notes" }));
    const updated = await updateBaseline(baseline.id, baselineUpdateSchema.parse({ policies, summary: "Notes as the audit asks", version: baseline.version }), fixture.context.user);
    expect(updated.currentVersion).toBe(2);
    await expect(updateBaseline(baseline.id, { name: "stale", version: baseline.version }, fixture.context.user)).rejects.toMatchObject({ kind: "conflict" });
    await checkNow(baseline.id, fixture.context.user);
    const [notes] = await openItems(baseline.id);
    expect(notes).toMatchObject({ kind: "notesChanged", expected: "wanted notes" });
    await revertDrift(baseline.id, notes!.id, fixture.context.user);
    expect((await api.policy(a!)).notes).toBe("wanted notes");
  });

  it("queues one scheduled check per baseline and occurrence, however often the tick runs", async () => {
    const [a] = nextPolicies(1);
    const baseline = await capture([a!], { schedule: { kind: "hourly" } });
    await db.baseline.update({ where: { id: baseline.id }, data: { scheduleFrom: new Date(Date.now() - 2 * 3_600_000) } });
    const now = new Date();
    const first = await queueDueDriftChecks(now);
    await queueDueDriftChecks(now);
    expect(first.created).toBeGreaterThanOrEqual(1);
    expect(await db.driftCheck.count({ where: { baselineId: baseline.id, trigger: "schedule" } })).toBe(1);
  });
});
