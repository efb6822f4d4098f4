/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are asserted field by field; typing each payload would only restate the spec. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./server";

/** What a sync planner relies on when it writes associations: exact conflicts, no lost or doubled edges, faults that change nothing. */

let sim: Simulator;
let policyId: string;
let systemIds: string[];
let groupIds: string[];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 14 });
  const [template] = await get("/api/v2/policytemplates?limit=1");
  systemIds = (await get("/api/systems?limit=100")).results.map((s: any) => s._id);
  groupIds = (await get("/api/v2/systemgroups?limit=100")).map((g: any) => g.id);
  policyId = (await write("POST", "/api/v2/policies", { name: "Sync target", template: { id: template.id } })).body.id;
});
afterAll(() => sim.close());
afterEach(async () => {
  sim.setOptions({ latencyMs: 0, faultRate: 0, rateLimit: null, faultKinds: ["429", "502", "503", "504", "timeout"] });
  for (const a of await associations()) expect((await manage("remove", a.to.type, a.to.id)).status).toBe(204);
});

async function get(path: string): Promise<any> {
  const res = await fetch(`${sim.origin}${path}`, { headers: { "x-api-key": sim.keys.singleOrg } });
  expect(res.status, path).toBe(200);
  return res.json();
}

async function write(method: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sim.origin}${path}`, { method, headers: { "x-api-key": sim.keys.singleOrg, "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text === "" ? undefined : text.startsWith("<") ? text : JSON.parse(text) };
}

const manage = (op: string, type: string, id: string, attributes?: unknown) => write("POST", `/api/v2/policies/${policyId}/associations`, { op, type, id, ...(attributes === undefined ? {} : { attributes }) });

async function associations(): Promise<any[]> {
  const all: any[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = await get(`/api/v2/policies/${policyId}/associations?targets=system,system_group&limit=100&skip=${skip}`);
    all.push(...page);
    if (page.length < 100) return all;
  }
}

async function resultCount(): Promise<number> {
  let count = 0;
  for (let skip = 0; ; skip += 100) {
    const page = await get(`/api/v2/policies/${policyId}/policyresults?limit=100&skip=${skip}`);
    count += page.length;
    if (page.length < 100) return count;
  }
}

describe("conflicts", () => {
  it("answers a duplicate add with 409 and a missing remove or update with 404, changing nothing", async () => {
    expect((await manage("add", "system", systemIds[0]!)).status).toBe(204);
    const before = { associations: await associations(), results: await resultCount() };
    const duplicate = await manage("add", "system", systemIds[0]!);
    expect(duplicate).toMatchObject({ status: 409, body: { code: 409, message: expect.stringContaining(systemIds[0]!) } });
    for (const op of ["remove", "update"]) {
      const missing = await manage(op, "system", systemIds[1]!, op === "update" ? { note: "x" } : undefined);
      expect(missing, op).toMatchObject({ status: 404, body: { code: 404, message: expect.stringMatching(/association .* not found/) } });
    }
    expect((await manage("add", "system", "0123456789abcdef01234567")).status).toBe(404);
    expect(await manage("add", "system", "not-an-id")).toMatchObject({ status: 400, body: { status: "invalidId" } });
    expect({ associations: await associations(), results: await resultCount() }).toEqual(before);
  });

  it("treats a direct binding and a binding through a group as different associations", async () => {
    const group = (await get(`/api/v2/systemgroups/${groupIds[0]}/members?limit=1`))[0].to.id;
    expect((await manage("add", "system_group", groupIds[0]!)).status).toBe(204);
    expect((await manage("add", "system", group)).status).toBe(204);
    expect((await manage("add", "system_group", groupIds[0]!)).status).toBe(409);
    const member = (await get(`/api/v2/policies/${policyId}/systems?limit=100`)).find((s: any) => s.id === group);
    expect(member.paths).toHaveLength(2);
  });
});

describe("concurrent writes to one policy", () => {
  it("applies every add exactly once: one 204 and one 409 per target, no duplicate edge, one pending result each", async () => {
    sim.setOptions({ latencyMs: 50 });
    sim.resetStats();
    const targets = [...systemIds.map((id) => ["system", id]), ...groupIds.map((id) => ["system_group", id])] as Array<[string, string]>;
    const resultsBefore = await resultCount();
    const answers = await Promise.all(targets.flatMap(([type, id]) => [manage("add", type, id), manage("add", type, id)]));
    expect(sim.stats().maxConcurrent).toBeGreaterThan(10);
    for (let i = 0; i < targets.length; i++) {
      expect([answers[2 * i]!.status, answers[2 * i + 1]!.status].sort(), targets[i]!.join(" ")).toEqual([204, 409]);
    }
    const edges = await associations();
    expect(edges).toHaveLength(targets.length);
    expect(new Set(edges.map((e) => `${e.to.type}/${e.to.id}`)).size).toBe(targets.length);
    // Each system became bound once: one status each, and exactly one pending run queued per system.
    const statuses = await get(`/api/v2/policies/${policyId}/policystatuses?limit=100`);
    expect(new Set(statuses.map((s: any) => s.systemID)).size).toBe(statuses.length);
    expect(statuses.length).toBe(systemIds.length);
    expect(await resultCount()).toBe(resultsBefore + systemIds.length);
  });

  it("applies interleaved adds, updates and removes of different targets without losing any", async () => {
    for (const id of systemIds.slice(0, 20)) expect((await manage("add", "system", id)).status).toBe(204);
    sim.setOptions({ latencyMs: 20 });
    const removes = systemIds.slice(0, 10).map((id) => manage("remove", "system", id));
    const updates = systemIds.slice(10, 20).map((id) => manage("update", "system", id, { owner: id }));
    const adds = systemIds.slice(20).map((id) => manage("add", "system", id));
    const answers = await Promise.all([...removes, ...updates, ...adds]);
    expect(answers.every((a) => a.status === 204)).toBe(true);
    const edges = await associations();
    expect(edges.map((e) => e.to.id).sort()).toEqual(systemIds.slice(10).sort());
    for (const edge of edges) expect(edge.attributes).toEqual(systemIds.slice(10, 20).includes(edge.to.id) ? { owner: edge.to.id } : null);
  });
});

describe("faults and rate limits on association writes", () => {
  it("answers 429 or 503 at the configured rate before touching anything", async () => {
    for (const kind of ["429", "503"] as const) {
      sim.setOptions({ faultRate: 1, faultKinds: [kind] });
      sim.resetStats();
      const answer = await manage("add", "system", systemIds[0]!);
      expect(answer.status).toBe(Number(kind));
      expect(sim.stats().faultsInjected).toBe(1);
      sim.setOptions({ faultRate: 0 });
      expect(await associations()).toEqual([]);
      expect(await get(`/api/v2/policies/${policyId}/policystatuses`)).toEqual([]);
    }
  });

  it("leaves exactly the writes that succeeded when some are faulted, so retrying the rest converges", async () => {
    sim.setOptions({ faultRate: 0.5, faultKinds: ["429", "503"] });
    let pending = [...systemIds];
    const applied = new Set<string>();
    for (let round = 0; pending.length > 0; round++) {
      expect(round, "retries converge").toBeLessThan(50);
      const answers = await Promise.all(pending.map((id) => manage("add", "system", id)));
      answers.forEach((a, i) => {
        expect([204, 429, 503]).toContain(a.status);
        if (a.status === 204) applied.add(pending[i]!);
      });
      sim.setOptions({ faultRate: 0 });
      expect(new Set((await associations()).map((e) => e.to.id))).toEqual(applied);
      sim.setOptions({ faultRate: 0.5 });
      pending = pending.filter((id) => !applied.has(id));
    }
    sim.setOptions({ faultRate: 0 });
    expect((await associations()).length).toBe(systemIds.length);
  });

  it("rate limits association writes with 429 and Retry-After, and a limited write changes nothing", async () => {
    sim.setOptions({ rateLimit: { requestsPerSecond: 2 } });
    const answers = await Promise.all(systemIds.slice(0, 8).map((id) => manage("add", "system", id)));
    const accepted = systemIds.slice(0, 8).filter((_, i) => answers[i]!.status === 204);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(4);
    sim.setOptions({ rateLimit: null });
    expect((await associations()).map((e) => e.to.id).sort()).toEqual(accepted.sort());
  });
});
