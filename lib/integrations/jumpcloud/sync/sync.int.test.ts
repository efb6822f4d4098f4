// The sync planner against the simulator: exact vs add-only, idempotency, conflicts from concurrent changes, a
// 1,000-item plan applied under 20% faults (every change exactly once), an aborted apply and a killed process
// finished by a re-run, and policy values and notes restored without ever writing back a masked sensitive value.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@/simulator/server";
import type { AssociationTarget } from "../../sync-contract";
import { createJumpCloudClient } from "../client";
import { withRawParameters } from "../testing/raw-client";
import { jumpcloudSync as sync } from "./index";

let sim: Simulator;
let systems: string[];
let groups: string[];
let templateId: string;

/** Every association write the simulator answered, by target: how often it was done (2xx). */
let writes: Map<string, number>;

function recordingFetch(): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (init?.method === "POST" && String(input).endsWith("/associations") && response.status < 300) {
      const body = JSON.parse(String(init.body)) as { op: string; type: string; id: string };
      const key = `${body.op} ${body.type}:${body.id}`;
      writes.set(key, (writes.get(key) ?? 0) + 1);
    }
    return response;
  };
}

function client() {
  return createJumpCloudClient({
    auth: { type: "apiKey", apiKey: sim.keys.singleOrg },
    connection: { region: "us", baseUrl: sim.origin },
    allowedOrigins: [sim.origin],
    rateLimit: { requestsPerSecond: 5000, burst: 200 },
    retry: { maxAttempts: 6, baseDelayMs: 2, maxDelayMs: 20, maxRetryAfterMs: 20 },
    fetch: recordingFetch(),
  });
}
const raw = () => withRawParameters(client());

async function newPolicy(name: string): Promise<string> {
  const created = await raw().run("policy", "create", { policyData: { name, template: templateId } });
  return (created.items[0] as { id: string }).id;
}

async function associated(policyId: string): Promise<string[]> {
  const listed = await raw().run("policyAssociation", "list", { policyId, returnAll: true });
  return listed.items.map((a) => { const to = (a as { to: { type: string; id: string } }).to; return `${to.type}:${to.id}`; }).sort();
}

const system = (id: string): AssociationTarget => ({ type: "system", id });
const group = (id: string): AssociationTarget => ({ type: "system_group", id });
const keys = (targets: AssociationTarget[]) => targets.map((t) => `${t.type}:${t.id}`).sort();

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 1414, size: { systems: 1000, systemGroups: 30, policies: 4, policyResults: 100 } });
  writes = new Map();
  await loadFixtures();
});
afterAll(() => sim.close());
beforeEach(() => {
  writes = new Map();
  sim.setOptions({ faultRate: 0, latencyMs: 0 });
});

/** The seed's ids through the public API: a template, system ids from GET /api/systems, groups from /systemgroups. */
async function loadFixtures(): Promise<void> {
  const headers = { "x-api-key": sim.keys.singleOrg };
  const templates = (await (await fetch(`${sim.origin}/api/v2/policytemplates?limit=100`, { headers })).json()) as Array<{ id: string; name: string }>;
  templateId = templates.find((t) => t.name === "filevault_darwin")?.id ?? templates[0]!.id;
  systems = [];
  for (let skip = 0; ; skip += 100) {
    const page = (await (await fetch(`${sim.origin}/api/systems?limit=100&skip=${skip}`, { headers })).json()) as { results: Array<{ _id: string }> };
    systems.push(...page.results.map((s) => s._id));
    if (page.results.length < 100) break;
  }
  groups = ((await (await fetch(`${sim.origin}/api/v2/systemgroups?limit=100`, { headers })).json()) as Array<{ id: string }>).map((g) => g.id);
}

describe("planAssociations", () => {
  it("plans adds only in add-only mode, adds and removes in exact mode, with the exact requests", async () => {
    const policyId = await newPolicy("plan modes");
    const c = client();
    await sync.applyPlan(c, await sync.planAssociations(c, { policyId, desired: [system(systems[0]!), group(groups[0]!)], mode: "add-only" }));
    const desired = [system(systems[0]!), system(systems[1]!), group(groups[1]!)];

    const addOnly = await sync.planAssociations(c, { policyId, desired, mode: "add-only" });
    expect(addOnly.counts).toEqual({ add: 2, remove: 0, unchanged: 1 });
    expect(addOnly.steps.map((s) => s.action)).toEqual(["add", "add", "unchanged"]);
    const first = addOnly.steps[0]!.request!;
    expect(first).toMatchObject({ method: "POST", url: `${sim.origin}/api/v2/policies/${policyId}/associations`, body: { op: "add", type: "system", id: systems[1] } });
    expect(first.headers["x-api-key"]).toBe("••••");
    expect(addOnly.reads[0]!.url).toContain("targets=system");

    const exact = await sync.planAssociations(c, { policyId, desired, mode: "exact" });
    expect(exact.counts).toEqual({ add: 2, remove: 1, unchanged: 1 });
    expect(exact.steps.find((s) => s.action === "remove")!.target).toEqual(group(groups[0]!));

    const report = await sync.applyPlan(c, exact);
    expect(report.counts).toMatchObject({ added: 2, removed: 1, alreadyPresent: 1, failed: 0 });
    expect(report.complete).toBe(true);
    expect(await associated(policyId)).toEqual(keys(desired));

    // Idempotent: the next plan is empty, and applying it sends nothing and reports every target already present.
    const again = await sync.planAssociations(c, { policyId, desired, mode: "exact" });
    expect(again.counts).toEqual({ add: 0, remove: 0, unchanged: 3 });
    const second = await sync.applyPlan(c, again);
    expect(second).toMatchObject({ requests: 0, complete: true });
    expect(second.counts.alreadyPresent).toBe(3);
  });

  it("treats a change someone else made after planning as already done", async () => {
    const policyId = await newPolicy("conflicts");
    const c = client();
    await sync.applyPlan(c, await sync.planAssociations(c, { policyId, desired: [system(systems[5]!)], mode: "add-only" }));
    const plan = await sync.planAssociations(c, { policyId, desired: [system(systems[6]!)], mode: "exact" });
    expect(plan.counts).toEqual({ add: 1, remove: 1, unchanged: 0 });
    // Another admin makes both changes first.
    await raw().run("policyAssociation", "manage", { policyId, associationData: { op: "add", type: "system", id: systems[6] } });
    await raw().run("policyAssociation", "manage", { policyId, associationData: { op: "remove", type: "system", id: systems[5] } });
    const report = await sync.applyPlan(c, plan);
    expect(report.counts).toMatchObject({ alreadyPresent: 1, alreadyAbsent: 1, failed: 0 });
    expect(report.complete).toBe(true);
  });

  it("reports a target that does not exist as failed with its kind and advice, and applies the rest", async () => {
    const policyId = await newPolicy("missing target");
    const c = client();
    const plan = await sync.planAssociations(c, { policyId, desired: [system("0123456789abcdef01234567"), system(systems[7]!)], mode: "add-only" });
    const report = await sync.applyPlan(c, plan);
    expect(report.complete).toBe(false);
    expect(report.counts).toMatchObject({ added: 1, failed: 1 });
    expect(report.items[0]).toMatchObject({ outcome: "failed", error: { kind: "targetNotFound", advice: expect.stringContaining("system group ID") } });
  });

  it("refuses bad targets before any request, naming the one at fault", async () => {
    const c = client();
    const policyId = await newPolicy("bad targets");
    await expect(sync.planAssociations(c, { policyId, desired: [system(systems[0]!), { type: "user", id: systems[1]! }], mode: "exact" })).rejects.toMatchObject({
      kind: "invalidParameters",
      path: "desired[1].type",
    });
    await expect(sync.planAssociations(c, { policyId, desired: [group("nope")], mode: "exact" })).rejects.toMatchObject({ path: "desired[0].id" });
    await expect(sync.planAssociations(c, { policyId: "0123456789abcdef01234567", desired: [], mode: "exact" })).rejects.toMatchObject({ kind: "policyNotFound" });
  });
});

describe("applying under faults", () => {
  it("applies 1,000 adds with 20% of requests failing (429/503): every target added exactly once, the rest finished by re-running", async () => {
    const policyId = await newPolicy("faults");
    const desired = systems.slice(0, 1000).map(system);
    expect(desired).toHaveLength(1000);
    const c = client();
    sim.setOptions({ faultRate: 0.2, faultKinds: ["429", "503"] });
    sim.resetStats();
    let rounds = 0;
    for (;;) {
      const plan = await sync.planAssociations(c, { policyId, desired, mode: "exact" });
      if (plan.counts.add === 0 && plan.counts.remove === 0) break;
      const report = await sync.applyPlan(c, plan, { concurrency: 16 });
      expect(report.counts.added + report.counts.failed + report.counts.alreadyPresent).toBe(1000);
      rounds += 1;
      expect(rounds, "re-runs converge").toBeLessThan(5);
    }
    expect(sim.stats().faultsInjected).toBeGreaterThan(200);
    sim.setOptions({ faultRate: 0 });
    expect(await associated(policyId)).toEqual(keys(desired));
    // Exactly once: one successful add per target, and nothing else written.
    expect(writes.size).toBe(1000);
    expect([...writes.values()].every((n) => n === 1)).toBe(true);

    // Exact back to half of them: every remove done once, none lost.
    writes = new Map();
    sim.setOptions({ faultRate: 0.2 });
    const half = desired.slice(0, 500);
    for (let round = 0; ; round++) {
      expect(round).toBeLessThan(5);
      const plan = await sync.planAssociations(c, { policyId, desired: half, mode: "exact" });
      if (plan.counts.remove === 0) break;
      await sync.applyPlan(c, plan, { concurrency: 16 });
    }
    sim.setOptions({ faultRate: 0 });
    expect(await associated(policyId)).toEqual(keys(half));
    expect(writes.size).toBe(500);
    expect([...writes.keys()].every((k) => k.startsWith("remove "))).toBe(true);
    expect([...writes.values()].every((n) => n === 1)).toBe(true);
  }, 120_000);

  it("finishes an aborted apply by planning and applying again, changing nothing twice", async () => {
    const policyId = await newPolicy("aborted");
    const desired = systems.slice(0, 300).map(system);
    const c = client();
    sim.setOptions({ latencyMs: 5 });
    const controller = new AbortController();
    const plan = await sync.planAssociations(c, { policyId, desired, mode: "add-only" });
    const stopper = setInterval(() => {
      if ([...writes.values()].length >= 60) controller.abort();
    }, 1);
    const first = await sync.applyPlan(c, plan, { concurrency: 8, signal: controller.signal });
    clearInterval(stopper);
    expect(first.complete).toBe(false);
    expect(first.counts.added).toBeGreaterThanOrEqual(60);
    expect(first.counts.added).toBeLessThan(300);
    expect(first.items.find((i) => i.outcome === "failed")!.error!.kind).toBe("cancelled");

    // Requests cut off by the abort may still have landed upstream; the new plan reads what did.
    const present = (await associated(policyId)).length;
    expect(present).toBeGreaterThanOrEqual(writes.size);
    const rest = await sync.planAssociations(c, { policyId, desired, mode: "add-only" });
    expect(rest.counts).toEqual({ add: 300 - present, remove: 0, unchanged: present });
    const second = await sync.applyPlan(c, rest);
    expect(second.counts).toMatchObject({ added: 300 - present, alreadyPresent: present, failed: 0 });
    expect(await associated(policyId)).toEqual(keys(desired));
    expect([...writes.values()].every((n) => n === 1)).toBe(true);
  });

  it("finishes the apply of a process killed mid-way by planning and applying again: nothing added twice, nothing lost", async () => {
    const policyId = await newPolicy("killed");
    const targets = systems.slice(300, 600);
    sim.setOptions({ latencyMs: 20 });
    const args = JSON.stringify({ origin: sim.origin, apiKey: sim.keys.singleOrg, policyId, systemIds: targets });
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/integrations/jumpcloud/testing/apply-in-child.ts", args], {
      cwd: path.resolve(import.meta.dirname, "../../../.."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<string>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? String(code))));
    try {
      // Killed once some adds have landed, with more in flight.
      await expect.poll(async () => (await associated(policyId)).length, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(40);
    } finally {
      child.kill("SIGKILL");
    }
    expect(await exited, output).toBe("SIGKILL");
    expect(output).not.toContain("applied");

    sim.setOptions({ latencyMs: 0 });
    const present = (await associated(policyId)).length;
    expect(present).toBeLessThan(300);
    const c = client();
    const rest = await sync.planAssociations(c, { policyId, desired: targets.map(system), mode: "add-only" });
    expect(rest.counts).toEqual({ add: 300 - present, remove: 0, unchanged: present });
    const report = await sync.applyPlan(c, rest);
    // Every add the re-run sent was new (none answered 409, already associated) and none failed.
    expect(report.counts).toMatchObject({ added: 300 - present, alreadyPresent: present, failed: 0 });
    expect(await associated(policyId)).toEqual(keys(targets.map(system)));
    expect([...writes.values()].every((n) => n === 1)).toBe(true);
  }, 90_000);
});

describe("planPolicyUpdate", () => {
  it("plans and restores name, values and notes, skipping a masked sensitive value", async () => {
    const c = client();
    const r = raw();
    const created = await r.run("policy", "create", { policyData: { name: "Baseline FileVault", template: templateId, values: { enablePersonalRecoveryKey: true }, notes: "v1" } });
    const policyId = (created.items[0] as { id: string }).id;
    const desired = { name: "Baseline FileVault", values: { enablePersonalRecoveryKey: true, escrowToken: "••••" }, notes: "v1" };
    // Drift: renamed, a value changed, notes changed.
    await r.run("policy", "update", { policyId, policyData: { name: "Renamed", values: { enablePersonalRecoveryKey: false }, notes: "edited" } });

    const plan = await sync.planPolicyUpdate(c, { policyId, desired });
    expect(plan.changes).toEqual([
      { field: "name", from: "Renamed", to: "Baseline FileVault" },
      { field: "value", key: "enablePersonalRecoveryKey", from: false, to: true },
      { field: "notes", from: "edited", to: "v1" },
    ]);
    expect(plan.skipped).toEqual([{ key: "escrowToken", reason: expect.stringContaining("masked") }]);
    expect(plan.blocked).toEqual([]);
    expect(plan.writes.map((w) => w.method)).toEqual(["GET", "PUT"]);
    expect(JSON.stringify(plan.writes[1]!.body)).not.toContain("••••");

    const report = await sync.applyPlan(c, plan);
    expect(report.counts).toMatchObject({ updated: 1, failed: 0 });
    const after = (await r.run("policy", "get", { policyId })).items[0] as { name: string; notes: string; values: Array<{ value: unknown }> };
    expect(after).toMatchObject({ name: "Baseline FileVault", notes: "v1" });
    expect((await sync.planPolicyUpdate(c, { policyId, desired })).changes).toEqual([]);
    expect((await sync.applyPlan(c, await sync.planPolicyUpdate(c, { policyId, desired }))).counts.unchanged).toBe(1);
  });

  it("blocks a write that would overwrite a sensitive value JumpCloud holds masked", async () => {
    const c = client();
    const created = await raw().run("policy", "create", { policyData: { name: "Masked escrow", template: templateId, values: { escrowToken: "****" } } });
    const policyId = (created.items[0] as { id: string }).id;
    const plan = await sync.planPolicyUpdate(c, { policyId, desired: { notes: "restored" } });
    expect(plan.blocked[0]).toContain("escrowToken");
    const report = await sync.applyPlan(c, plan);
    expect(report.items[0]).toMatchObject({ outcome: "failed", error: { kind: "invalidParameters" } });
  });
});
