/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are asserted field by field; typing each payload would only restate the spec. */
import { afterEach, describe, expect, it } from "vitest";
import type { ChurnEvent } from "./churn";
import { CHURN_PRESETS } from "./churn-rates";
import { startSimulator, type Simulator, type SimulatorOptions } from "./server";

/** Seeded change over simulated time, observed the way the app observes it: through the public API. */

const started: Simulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator({ port: 0, ...options });
  started.push(sim);
  return sim;
}

/** Only the named rates, everything else off. */
const only = (rates: Partial<typeof CHURN_PRESETS.off>) => ({ preset: "off" as const, ...rates });

function client(sim: Simulator) {
  const headers = { "x-api-key": sim.keys.singleOrg, accept: "application/json" };
  const get = async (path: string): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${sim.origin}${path}`, { headers });
    return { status: res.status, body: await res.json() };
  };
  const ok = async (path: string): Promise<any> => {
    const { status, body } = await get(path);
    expect(status, `${path}: ${JSON.stringify(body)}`).toBe(200);
    return body;
  };
  const all = async (path: string): Promise<any[]> => {
    const items: any[] = [];
    for (let skip = 0; ; skip += 100) {
      const page = await ok(`${path}${path.includes("?") ? "&" : "?"}limit=100&skip=${skip}`);
      items.push(...page);
      if (page.length < 100) return items;
    }
  };
  const send = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${sim.origin}${path}`, { method, headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
  };
  const systems = async (): Promise<any[]> => {
    const first = await ok("/api/systems?limit=100");
    const items = [...first.results];
    while (items.length < first.totalCount) items.push(...(await ok(`/api/systems?limit=100&skip=${items.length}`)).results);
    return items;
  };
  /** policyId -> systemId -> status, for every policy of the org. */
  const statuses = async (): Promise<Map<string, Map<string, any>>> => {
    const map = new Map<string, Map<string, any>>();
    for (const policy of await all("/api/v2/policies")) {
      map.set(policy.id, new Map((await all(`/api/v2/policies/${policy.id}/policystatuses`)).map((s) => [s.systemID, s])));
    }
    return map;
  };
  return { get, ok, all, send, systems, statuses };
}

/** Everything the app can read about the first org, for before/after comparisons. */
async function orgState(sim: Simulator) {
  const api = client(sim);
  const policies = await api.all("/api/v2/policies");
  const perPolicy = [];
  for (const p of policies) {
    perPolicy.push({
      details: await api.ok(`/api/v2/policies/${p.id}`),
      associations: await api.all(`/api/v2/policies/${p.id}/associations?targets=system,system_group`),
      statuses: await api.all(`/api/v2/policies/${p.id}/policystatuses`),
    });
  }
  const groups = await api.all("/api/v2/systemgroups");
  const members = [];
  for (const g of groups) members.push(await api.all(`/api/v2/systemgroups/${g.id}/members`));
  return { perPolicy, systems: await api.systems(), groups, members, results: await api.all("/api/v2/policyresults") };
}

function eventsOf<K extends ChurnEvent["kind"]>(sim: Simulator, ticks: number, kind: K): { events: Array<Extract<ChurnEvent, { kind: K }>>; report: ReturnType<Simulator["advance"]> } {
  const report = sim.advance(ticks);
  const orgId = sim.orgs[0]!.id;
  const events = report.ticks.flatMap((t) => t.events).filter((e): e is Extract<ChurnEvent, { kind: K }> => e.kind === kind && e.orgId === orgId);
  return { events, report };
}

describe("determinism", () => {
  it("gives the same history for the same seed and settings, however the ticks are batched", async () => {
    const a = await simulator({ seed: 7, churn: "demo" });
    const b = await simulator({ seed: 7, churn: "demo" });
    const c = await simulator({ seed: 8, churn: "demo" });
    const reportA = a.advance(30);
    const reportsB = [b.advance(10), b.advance(5), b.advance(15)];
    expect(reportsB.flatMap((r) => r.ticks)).toEqual(reportA.ticks);
    expect(c.advance(30).ticks).not.toEqual(reportA.ticks);
    expect(reportA.changes.results).toBeGreaterThan(0);
    expect(await orgState(b)).toEqual(await orgState(a));
    expect(a.clock()).toEqual({ tick: 30, now: "2026-11-02T06:00:00.000Z" });
  });

  it("keeps a history reproducible when the knob changes between ticks (it is part of the settings)", async () => {
    const a = await simulator({ seed: 3 });
    const b = await simulator({ seed: 3 });
    for (const sim of [a, b]) {
      sim.advance(5); // churn off: the clock moves, nothing else
      sim.setOptions({ churn: "low", tickMinutes: 15 });
      sim.advance(8);
      sim.setOptions({ churn: { statusFlips: 0.1 } });
      sim.advance(3);
    }
    expect(await orgState(b)).toEqual(await orgState(a));
    expect(a.clock()).toEqual({ tick: 16, now: "2026-11-01T07:45:00.000Z" });
  });
});

describe("churn off (the default)", () => {
  it("changes nothing over ticks: only the clock moves", async () => {
    const sim = await simulator({ seed: 4 });
    const before = await orgState(sim);
    const report = sim.advance(200);
    expect(Object.values(report.changes).every((n) => n === 0)).toBe(true);
    expect(report.ticks.every((t) => t.events.length === 0)).toBe(true);
    expect(await orgState(sim)).toEqual(before);
    expect(sim.clock().tick).toBe(200);
  });
});

describe("each kind of change, seen through the public API", () => {
  it("flips settled statuses (success <-> failed) with results stamped inside the tick", async () => {
    const sim = await simulator({ seed: 12, churn: only({ statusFlips: 0.2 }) });
    const api = client(sim);
    const before = await api.statuses();
    const report = sim.advance(1);
    const tick = report.ticks[0]!;
    const after = await api.statuses();
    let flipped = 0;
    for (const [policyId, bySystem] of after) {
      for (const [systemId, status] of bySystem) {
        const old = before.get(policyId)?.get(systemId);
        if (old.id === status.id) continue;
        flipped++;
        expect(old.state).not.toBe("pending");
        expect(status.state).toBe(old.state === "success" ? "failed" : "success");
        expect(status.startedAt > tick.from && status.startedAt <= tick.to).toBe(true);
        expect(status.endedAt > status.startedAt).toBe(true);
        expect((await api.ok(`/api/v2/policyresults/${status.id}`)).success).toBe(status.state === "success");
      }
    }
    expect(flipped).toBeGreaterThan(0);
    // The report counts both orgs; the first org's share is what the API showed.
    expect(report.changes.statusFlips).toBeGreaterThanOrEqual(flipped);
    expect(report.changes.results).toBe(report.changes.statusFlips);
  });

  it("queues pending runs that settle in a later tick", async () => {
    const sim = await simulator({ seed: 12, churn: only({ pendingRuns: 0.3 }) });
    const api = client(sim);
    const pendingCount = (map: Map<string, Map<string, any>>) => [...map.values()].reduce((n, m) => n + [...m.values()].filter((s) => s.state === "pending").length, 0);
    const initiallyPending = pendingCount(await api.statuses());
    const queued = sim.advance(1).changes.pendingRuns;
    expect(queued).toBeGreaterThan(0);
    const queuedNow = pendingCount(await api.statuses());
    expect(queuedNow).toBeGreaterThan(initiallyPending);

    sim.setOptions({ churn: only({ settle: 1 }) });
    const report = sim.advance(1);
    const after = await api.statuses();
    expect(pendingCount(after)).toBe(0);
    expect(report.changes.settled).toBeGreaterThanOrEqual(queuedNow);
    for (const bySystem of after.values()) for (const s of bySystem.values()) expect(["success", "failed"]).toContain(s.state);
  });

  it("removes a system with its results, statuses, group memberships and associations", async () => {
    const sim = await simulator({ seed: 21 });
    const api = client(sim);
    // Bind every system directly to one policy first, so whichever system leaves had an association and a result.
    const [template] = await api.ok("/api/v2/policytemplates?limit=1");
    const policy = (await api.send("POST", "/api/v2/policies", { name: "Everything", template: { id: template.id } })).body;
    for (const system of await api.systems()) {
      expect((await api.send("POST", `/api/v2/policies/${policy.id}/associations`, { op: "add", type: "system", id: system._id })).status).toBe(204);
    }
    sim.setOptions({ churn: only({ systemsRemoved: 1 }) });
    const { events } = eventsOf(sim, 3, "systemRemoved");
    expect(events.length).toBe(3);
    const keyed = new Set(sim.systems.map((s) => s.id));
    for (const { systemId } of events) {
      expect(keyed.has(systemId)).toBe(false);
      expect((await api.get(`/api/systems/${systemId}`)).status).toBe(404);
      expect((await api.get(`/api/v2/systems/${systemId}/policystatuses`)).status).toBe(404);
      expect(await api.ok(`/api/v2/policyresults?filter=systemID:eq:${systemId}`)).toEqual([]);
      expect((await api.all(`/api/v2/policies/${policy.id}/associations?targets=system`)).some((a) => a.to.id === systemId)).toBe(false);
      expect((await api.all(`/api/v2/policies/${policy.id}/systems`)).some((s) => s.id === systemId)).toBe(false);
      expect((await api.all(`/api/v2/policies/${policy.id}/policystatuses`)).some((s) => s.systemID === systemId)).toBe(false);
      for (const group of await api.all("/api/v2/systemgroups")) {
        expect((await api.all(`/api/v2/systemgroups/${group.id}/members`)).some((m) => m.to.id === systemId)).toBe(false);
      }
    }
  });

  it("enrols new systems into groups, where the groups' policies queue for them", async () => {
    const sim = await simulator({ seed: 21, churn: only({ systemsAdded: 2 }) });
    const api = client(sim);
    const { events } = eventsOf(sim, 2, "systemAdded");
    expect(events.length).toBe(4);
    const withPolicies = [];
    for (const event of events) {
      const record = await api.ok(`/api/systems/${event.systemId}`);
      expect(record).toMatchObject({ _id: event.systemId, hostname: event.hostname, created: event.at });
      for (const groupId of event.groupIds) {
        expect((await api.all(`/api/v2/systemgroups/${groupId}/members`)).map((m) => m.to.id)).toContain(event.systemId);
      }
      const statuses = await api.all(`/api/v2/systems/${event.systemId}/policystatuses`);
      for (const status of statuses) {
        expect(status).toMatchObject({ state: "pending", startedAt: event.at });
        expect((await api.all(`/api/v2/policies/${status.policyID}/systems`)).map((s) => s.id)).toContain(event.systemId);
      }
      if (statuses.length > 0) withPolicies.push(event);
    }
    expect(withPolicies.length).toBeGreaterThan(0);
  });

  it("adds policies from templates, bound to systems, with a status per bound system", async () => {
    const sim = await simulator({ seed: 9, churn: only({ policiesAdded: 1 }) });
    const api = client(sim);
    const { events } = eventsOf(sim, 3, "policyAdded");
    expect(events.length).toBe(3);
    const listed = new Map((await api.all("/api/v2/policies")).map((p) => [p.id, p]));
    for (const event of events) {
      expect(listed.get(event.policyId)?.name).toBe(event.name);
      const details = await api.ok(`/api/v2/policies/${event.policyId}`);
      expect(details.template.id).toBeTruthy();
      const associations = await api.all(`/api/v2/policies/${event.policyId}/associations?targets=system,system_group`);
      expect(associations.length).toBeGreaterThan(0);
      const bound = (await api.all(`/api/v2/policies/${event.policyId}/systems`)).map((s) => s.id).sort();
      const statuses = await api.all(`/api/v2/policies/${event.policyId}/policystatuses`);
      expect(statuses.map((s) => s.systemID).sort()).toEqual(bound);
      expect(statuses.every((s) => s.state === "pending" && s.startedAt === event.at)).toBe(true);
    }
  });

  it("binds and unbinds systems and groups; statuses follow the bindings", async () => {
    const sim = await simulator({ seed: 5, churn: only({ associationChanges: 3 }) });
    const api = client(sim);
    const report = sim.advance(4);
    const events = report.ticks.flatMap((t) => t.events).filter((e) => e.orgId === sim.orgs[0]!.id);
    expect(report.changes.associationsAdded).toBeGreaterThan(0);
    expect(report.changes.associationsRemoved).toBeGreaterThan(0);
    // The last move of each (policy, target) decides whether the association exists now.
    const last = new Map<string, ChurnEvent & { kind: "associationAdded" | "associationRemoved" }>();
    for (const event of events) if (event.kind === "associationAdded" || event.kind === "associationRemoved") last.set(`${event.policyId}/${event.targetId}`, event);
    expect(new Set([...last.values()].map((e) => e.kind))).toEqual(new Set(["associationAdded", "associationRemoved"]));
    for (const event of last.values()) {
      const associations = await api.all(`/api/v2/policies/${event.policyId}/associations?targets=${event.targetType}`);
      expect(associations.some((a) => a.to.id === event.targetId), `${event.kind} ${event.targetId}`).toBe(event.kind === "associationAdded");
      const bound = new Set((await api.all(`/api/v2/policies/${event.policyId}/systems`)).map((s) => s.id));
      const statuses = await api.all(`/api/v2/policies/${event.policyId}/policystatuses`);
      expect(new Set(statuses.map((s) => s.systemID))).toEqual(bound);
    }
  });

  it("edits a policy's values or notes as an admin would, and re-applies it", async () => {
    const sim = await simulator({ seed: 6 });
    const api = client(sim);
    const before = new Map<string, any>();
    for (const p of await api.all("/api/v2/policies")) before.set(p.id, await api.ok(`/api/v2/policies/${p.id}`));
    sim.setOptions({ churn: only({ policyEdits: 2 }) });
    const { events } = eventsOf(sim, 4, "policyEdited");
    expect(new Set(events.map((e) => e.changed))).toEqual(new Set(["notes", "value"]));
    const lastEdit = new Map(events.map((e) => [e.policyId, e]));
    for (const [policyId, event] of lastEdit) {
      const after = await api.ok(`/api/v2/policies/${policyId}`);
      const old = before.get(policyId);
      if (event.changed === "notes") {
        expect(after.notes).toMatch(/^Reviewed \d{4}-\d{2}-\d{2} by \w+\.$/);
      } else {
        const valueOf = (policy: any) => policy.values.find((v: any) => v.configFieldID === event.configFieldID)?.value;
        const field = after.configFields.find((f: any) => f.id === event.configFieldID);
        expect(valueOf(after)).not.toEqual(valueOf(old) ?? field.defaultValue);
      }
      // The edited policy still passes the simulator's own validation: PUT it back unchanged.
      expect((await api.send("PUT", `/api/v2/policies/${policyId}`, { name: after.name, notes: after.notes, values: after.values })).status).toBe(200);
      const statuses = await api.all(`/api/v2/policies/${policyId}/policystatuses`);
      expect(statuses.every((s) => s.state === "pending")).toBe(true);
    }
  });
});

describe("simulated time", () => {
  it("stamps API writes with the simulated clock, so a later tick settles them", async () => {
    const sim = await simulator({ seed: 2 });
    const api = client(sim);
    sim.advance(10);
    const { now } = sim.clock();
    expect(now).toBe("2026-11-01T10:00:00.000Z");
    const [policy] = await api.ok("/api/v2/policies?limit=1");
    const details = await api.ok(`/api/v2/policies/${policy.id}`);
    expect((await api.send("PUT", `/api/v2/policies/${policy.id}`, { name: details.name, notes: "reverted", values: details.values })).status).toBe(200);
    const queued = await api.all(`/api/v2/policies/${policy.id}/policystatuses`);
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((s) => s.state === "pending" && s.startedAt === now)).toBe(true);

    sim.setOptions({ churn: only({ settle: 1 }) });
    sim.advance(1);
    const settled = await api.all(`/api/v2/policies/${policy.id}/policystatuses`);
    expect(settled.map((s) => s.systemID).sort()).toEqual(queued.map((s) => s.systemID).sort());
    expect(settled.every((s) => s.state !== "pending" && s.startedAt > now)).toBe(true);
  });

  it("shows the tick and simulated time in /__simulator/info, with the tick length configurable", async () => {
    const sim = await simulator({ tickMinutes: 15 });
    const info = async () => ((await (await fetch(`${sim.origin}/__simulator/info`)).json()) as any);
    expect((await info()).clock).toEqual({ tick: 0, now: "2026-11-01T00:00:00.000Z", tickMinutes: 15, anchor: "2026-11-01T00:00:00.000Z" });
    sim.advance(6);
    expect((await info()).clock).toMatchObject({ tick: 6, now: "2026-11-01T01:30:00.000Z" });
    sim.reset();
    expect((await info()).clock).toMatchObject({ tick: 0, now: "2026-11-01T00:00:00.000Z" });
  });

  it("advances over HTTP with a report of each tick's changes, and refuses bad requests", async () => {
    const sim = await simulator({ seed: 4, churn: "low" });
    const post = (path: string, body?: unknown) =>
      fetch(`${sim.origin}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const res = await post("/__simulator/advance", { ticks: 3 });
    expect(res.status).toBe(200);
    const report = (await res.json()) as any;
    expect(report).toMatchObject({ tick: 3, now: "2026-11-01T03:00:00.000Z" });
    expect(report.ticks.map((t: any) => [t.tick, t.from, t.to])).toEqual([
      [1, "2026-11-01T00:00:00.000Z", "2026-11-01T01:00:00.000Z"],
      [2, "2026-11-01T01:00:00.000Z", "2026-11-01T02:00:00.000Z"],
      [3, "2026-11-01T02:00:00.000Z", "2026-11-01T03:00:00.000Z"],
    ]);
    expect(report.changes.results).toBe(report.ticks.reduce((n: number, t: any) => n + t.changes.results, 0));
    expect(((await (await post("/__simulator/advance")).json()) as any).tick).toBe(4);
    for (const bad of [{ ticks: 0 }, { ticks: 1.5 }, { ticks: "2" }, { ticks: 10_001 }, { steps: 1 }]) {
      const refused = await post("/__simulator/advance", bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(((await refused.json()) as any).message).toMatch(/\{"ticks": n\}/);
    }
    expect(sim.clock().tick).toBe(4);
    expect(() => sim.advance(0)).toThrow(RangeError);

    expect((await post("/__simulator/options", { churn: "wild" })).status).toBe(400);
    expect((await post("/__simulator/options", { churn: { statusFlips: 0.7, pendingRuns: 0.7 } })).status).toBe(400);
    const applied = (await (await post("/__simulator/options", { churn: { preset: "demo", policyEdits: 2 } })).json()) as any;
    expect(applied.churn).toEqual({ ...CHURN_PRESETS.demo, policyEdits: 2, preset: "custom" });
  });

  it("advances on its own every advanceIntervalMs, and stops when told or on close", async () => {
    const sim = await simulator({ churn: "low", advanceIntervalMs: 20 });
    const waitForTick = async (tick: number) => {
      while (sim.clock().tick < tick) await new Promise((r) => setTimeout(r, 10));
    };
    await waitForTick(3);
    sim.setOptions({ advanceIntervalMs: null });
    const stoppedAt = sim.clock().tick;
    await new Promise((r) => setTimeout(r, 150));
    expect(sim.clock().tick).toBe(stoppedAt);

    sim.setOptions({ advanceIntervalMs: 20 });
    await waitForTick(stoppedAt + 2);
    await sim.close();
    const closedAt = sim.clock().tick;
    await new Promise((r) => setTimeout(r, 150));
    expect(sim.clock().tick).toBe(closedAt);
  });
});
