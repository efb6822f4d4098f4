/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are asserted field by field; typing each payload would only restate the spec. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./server";
import { signSystemRequest } from "./signature";

/** The endpoints the app uses for names and pickers: v1 systems, v2 system groups and their members. */

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 8, size: { policies: 20, systems: 230, systemGroups: 8, policyResults: 1000 } });
});
afterAll(() => sim.close());

async function call(path: string, headers: Record<string, string> = { "x-api-key": sim.keys.singleOrg }): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${sim.origin}${path}`, { headers });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

async function ok(path: string): Promise<{ body: any; headers: Headers }> {
  const answer = await call(path);
  expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(200);
  return answer;
}

describe("v1 GET /api/systems", () => {
  it("pages {totalCount, results} with skip/limit in _id order, without gaps or repeats", async () => {
    const first = (await ok("/api/systems")).body;
    expect(first.totalCount).toBe(230);
    expect(first.results).toHaveLength(10);
    const ids: string[] = [];
    for (let skip = 0; skip < first.totalCount; skip += 100) {
      const page = (await ok(`/api/systems?limit=100&skip=${skip}`)).body;
      expect(page.totalCount).toBe(230);
      ids.push(...page.results.map((s: any) => s._id));
    }
    expect(ids).toHaveLength(230);
    expect(ids).toEqual([...ids].sort());
    expect((await ok("/api/systems?skip=500")).body).toEqual({ totalCount: 230, results: [] });
  });

  it("counts every match in totalCount while the page holds at most limit", async () => {
    const windows = (await ok("/api/systems?filter=os:$eq:windows&limit=5&sort=-hostname")).body;
    expect(windows.totalCount).toBeGreaterThan(5);
    expect(windows.results).toHaveLength(5);
    expect(windows.results.every((s: any) => s.os === "windows")).toBe(true);
    const hostnames = windows.results.map((s: any) => s.hostname);
    expect(hostnames).toEqual([...hostnames].sort().reverse());
    const all = (await ok("/api/systems?limit=100&fields=os")).body.results.concat((await ok("/api/systems?limit=100&skip=100&fields=os")).body.results, (await ok("/api/systems?limit=100&skip=200&fields=os")).body.results);
    expect(windows.totalCount).toBe(all.filter((s: any) => s.os === "windows").length);
  });

  it("names hosts for a list of ids with $in, as a compliance view needs", async () => {
    const some = (await ok("/api/systems?limit=4&skip=17")).body.results;
    const named = (await ok(`/api/systems?limit=100&fields=hostname&filter=${encodeURIComponent(`_id:$in:${some.map((s: any) => s._id).join("|")}`)}`)).body;
    expect(named).toEqual({ totalCount: 4, results: some.map((s: any) => ({ _id: s._id, hostname: s.hostname })) });
  });

  it("answers admins, service accounts and the selected org only; refuses System Context on the list", async () => {
    expect((await call("/api/systems", { "x-api-key": sim.keys.readOnly })).status).toBe(200);
    expect((await call("/api/systems", { "x-api-key": sim.keys.multiOrg })).status).toBe(401);
    const second = await call("/api/systems?limit=100", { "x-api-key": sim.keys.multiOrg, "x-org-id": sim.orgs[1]!.id });
    expect(second.body.results.every((s: any) => s.organization === sim.orgs[1]!.id)).toBe(true);
    const firstIds = new Set((await ok("/api/systems?limit=100")).body.results.map((s: any) => s._id));
    expect(second.body.results.some((s: any) => firstIds.has(s._id))).toBe(false);
    expect((await call(`/api/systems/${second.body.results[0]._id}`)).status).toBe(404);

    const basic = Buffer.from(`${sim.serviceAccount.clientId}:${sim.serviceAccount.clientSecret}`).toString("base64");
    const token = ((await (await fetch(`${sim.origin}/oauth2/token`, { method: "POST", headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" })).json()) as any).access_token;
    expect((await call("/api/systems?limit=1", { authorization: `Bearer ${token}` })).body.totalCount).toBe(230);

    const system = sim.systems[0]!;
    const signed = signSystemRequest({ method: "GET", pathWithQuery: "/api/systems", systemId: system.id, privateKeyPem: system.privateKeyPem });
    const refused = await call("/api/systems", { date: signed.date, authorization: signed.authorization });
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/System Context/);
  });
});

describe("v1 GET /api/systems/{id}", () => {
  it("projects fields and answers 404 when its filter does not match the record", async () => {
    const [system] = (await ok("/api/systems?limit=1")).body.results;
    expect((await ok(`/api/systems/${system._id}?fields=hostname%20os`)).body).toEqual({ _id: system._id, hostname: system.hostname, os: system.os });
    expect((await ok(`/api/systems/${system._id}?filter=os:$eq:${system.os}`)).body).toEqual(system);
    expect((await call(`/api/systems/${system._id}?filter=os:$ne:${system.os}`)).status).toBe(404);
  });
});

describe("v2 system groups", () => {
  it("lists groups with filter, sort, fields and x-total-count", async () => {
    const { body: groups, headers } = await ok("/api/v2/systemgroups?limit=3&sort=-name");
    expect(headers.get("x-total-count")).toBe("8");
    expect(groups).toHaveLength(3);
    expect(groups.map((g: any) => g.name)).toEqual([...groups.map((g: any) => g.name)].sort().reverse());
    const macs = (await ok("/api/v2/systemgroups?filter=name:search:Macs&fields=name")).body;
    expect(macs.length).toBeGreaterThan(0);
    for (const g of macs) expect(Object.keys(g).sort()).toEqual(["id", "name"]);
    expect((await ok("/api/v2/systemgroups?filter=disabled:eq:true")).body).toEqual([]);
    const one = (await ok(`/api/v2/systemgroups/${groups[0].id}`)).body;
    expect(one).toEqual(groups[0]);
    expect(one).toMatchObject({ type: "system_group", membershipMethod: "STATIC", organizationObjectId: sim.orgs[0]!.id });
  });

  it("lists members as graph connections in id order, paged, and agrees with policy traversals", async () => {
    const groups = (await ok("/api/v2/systemgroups?limit=100")).body;
    for (const group of groups) {
      const { headers } = await ok(`/api/v2/systemgroups/${group.id}/members?limit=1`);
      const total = Number(headers.get("x-total-count"));
      const members: any[] = [];
      for (let skip = 0; skip < total; skip += 7) members.push(...(await ok(`/api/v2/systemgroups/${group.id}/members?limit=7&skip=${skip}`)).body);
      expect(members).toHaveLength(total);
      const ids = members.map((m) => m.to.id);
      expect(ids).toEqual([...ids].sort());
      expect(members.every((m) => m.to.type === "system" && m.attributes === null)).toBe(true);
    }
    // A policy bound to a group reaches exactly the group's members through it.
    for (const policy of (await ok("/api/v2/policies?limit=100")).body) {
      const [bound] = (await ok(`/api/v2/policies/${policy.id}/systemgroups?limit=1`)).body;
      if (!bound) continue;
      const members = (await ok(`/api/v2/systemgroups/${bound.id}/members?limit=100`)).body.map((m: any) => m.to.id).sort();
      const viaGroup = (await ok(`/api/v2/policies/${policy.id}/systems?limit=100`)).body
        .filter((s: any) => s.paths.some((p: any[]) => p.length === 2 && p[0].to.id === bound.id))
        .map((s: any) => s.id);
      expect(viaGroup).toEqual(members);
      return;
    }
    throw new Error("no policy bound to a group");
  });

  it("answers 400 for a malformed id and 404 for an unknown one", async () => {
    expect((await call("/api/v2/systemgroups/nope")).status).toBe(400);
    expect((await call("/api/v2/systemgroups/0123456789abcdef01234567")).status).toBe(404);
    expect((await call("/api/v2/systemgroups/0123456789abcdef01234567/members")).status).toBe(404);
    const [groupOfSecondOrg] = (await call("/api/v2/systemgroups", { "x-api-key": sim.keys.multiOrg, "x-org-id": sim.orgs[1]!.id })).body;
    expect((await call(`/api/v2/systemgroups/${groupOfSecondOrg.id}`)).status).toBe(404);
  });
});
