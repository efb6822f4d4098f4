/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are asserted field by field; typing each payload would only restate the spec. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./server";

let sim: Simulator;
const SMALL = { policies: 5, systems: 10, systemGroups: 2, policyResults: 50 };

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 11, size: SMALL });
});
afterAll(() => sim.close());
afterEach(() => sim.setOptions({ latencyMs: 0, rateLimit: null, faultRate: 0, faultKinds: ["429", "502", "503", "504", "timeout"], timeoutMs: 30_000, timeoutMode: "drop" }));

const get = (path: string) => fetch(`${sim.origin}${path}`, { headers: { "x-api-key": sim.keys.singleOrg } });
const countPolicies = async () => ((await (await get("/api/v2/policies?limit=100")).json()) as unknown[]).length;

describe("fault injection", () => {
  it("fails before any state change: a faulted POST creates nothing", async () => {
    const before = await countPolicies();
    const templates = (await (await get("/api/v2/policytemplates?limit=1")).json()) as Array<{ id: string }>;
    sim.resetStats();
    sim.setOptions({ faultRate: 1, faultKinds: ["503"] });
    const res = await fetch(`${sim.origin}/api/v2/policies`, {
      method: "POST",
      headers: { "x-api-key": sim.keys.singleOrg, "content-type": "application/json" },
      body: JSON.stringify({ name: "Never created", template: { id: templates[0]!.id } }),
    });
    expect(res.status).toBe(503);
    expect(sim.stats().faultsInjected).toBe(1);
    sim.setOptions({ faultRate: 0 });
    expect(await countPolicies()).toBe(before);
  });

  it("answers gateway faults in HTML, like a real load balancer", async () => {
    sim.setOptions({ faultRate: 1, faultKinds: ["502"] });
    const res = await get("/api/v2/policies");
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
  });

  it("draws the same fault sequence for the same seed", async () => {
    const statuses = async () => {
      sim.setOptions({ seed: 11, faultRate: 0.5, faultKinds: ["502", "503", "504"] });
      const out: number[] = [];
      for (let i = 0; i < 12; i++) out.push((await get("/api/v2/policytemplates")).status);
      return out;
    };
    const first = await statuses();
    expect(first).toContain(200);
    expect(first.some((s) => s >= 500)).toBe(true);
    expect(await statuses()).toEqual(first);
  });

  it("drops the connection after a hang, or answers late", async () => {
    sim.setOptions({ faultRate: 1, faultKinds: ["timeout"], timeoutMs: 150 });
    await expect(get("/api/v2/policies")).rejects.toThrow();
    sim.setOptions({ timeoutMode: "late" });
    const started = performance.now();
    const res = await get("/api/v2/policies");
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("rate limits with 429 and Retry-After in seconds", async () => {
    sim.setOptions({ rateLimit: { requestsPerSecond: 3 } });
    const answers = await Promise.all(Array.from({ length: 8 }, () => get("/api/v2/policytemplates")));
    const limited = answers.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(4);
    for (const r of limited) expect(Number(r.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(sim.stats().rateLimited).toBeGreaterThanOrEqual(4);
  });

  it("adds latency and records the most requests in flight", async () => {
    sim.setOptions({ latencyMs: 120 });
    sim.resetStats();
    const started = performance.now();
    await Promise.all(Array.from({ length: 6 }, () => get("/api/v2/policies")));
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    const stats = sim.stats();
    expect(stats.requests).toBe(6);
    expect(stats.maxConcurrent).toBe(6);
    expect(stats.byRoute["GET /api/v2/policies"]).toBe(6);
  });
});

describe("control routes", () => {
  it("serves the facts, applies knobs over HTTP and reseeds", async () => {
    const info = (await (await fetch(`${sim.origin}/__simulator/info`)).json()) as any;
    expect(info).toMatchObject({ origin: sim.origin, keys: sim.keys, orgs: sim.orgs });
    expect(info.systems.length).toBeGreaterThanOrEqual(3);
    expect(info.systems[0].privateKeyPem).toMatch(/BEGIN RSA PRIVATE KEY/);

    const post = (path: string, body?: unknown) => fetch(`${sim.origin}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    expect((await post("/__simulator/options", { faultRate: 2 })).status).toBe(400);
    const applied = (await (await post("/__simulator/options", { latencyMs: 5 })).json()) as any;
    expect(applied.latencyMs).toBe(5);

    const before = await countPolicies();
    const templates = (await (await get("/api/v2/policytemplates?limit=1")).json()) as Array<{ id: string }>;
    await fetch(`${sim.origin}/api/v2/policies`, { method: "POST", headers: { "x-api-key": sim.keys.singleOrg, "content-type": "application/json" }, body: JSON.stringify({ name: "Temporary", template: { id: templates[0]!.id } }) });
    expect(await countPolicies()).toBe(before + 1);
    expect((await post("/__simulator/reset")).status).toBe(200);
    expect(await countPolicies()).toBe(before);
  });
});
