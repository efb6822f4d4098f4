/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are asserted field by field; typing each payload would only restate the spec. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./server";
import { signSystemRequest } from "./signature";

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 3, size: { policies: 30, systems: 60, systemGroups: 8, policyResults: 3000 } });
});
afterAll(() => sim.close());

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

async function call(path: string, init: { method?: string; key?: string | null; headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = { accept: "application/json", ...init.headers };
  if (init.key !== null) headers["x-api-key"] = init.key ?? sim.keys.singleOrg;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${sim.origin}${path}`, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

async function listAll(path: string, pageSize: number): Promise<any[]> {
  const all: any[] = [];
  for (let skip = 0; ; skip += pageSize) {
    const sep = path.includes("?") ? "&" : "?";
    const page = await call(`${path}${sep}limit=${pageSize}&skip=${skip}`);
    expect(page.status).toBe(200);
    all.push(...page.body);
    if (page.body.length < pageSize) return all;
  }
}

describe("lists", () => {
  it("answers bare arrays with the default limit of 10", async () => {
    const page = await call("/api/v2/policyresults");
    expect(Array.isArray(page.body)).toBe(true);
    expect(page.body).toHaveLength(10);
  });

  it("pages with skip/limit without gaps or duplicates, in any sort order", async () => {
    const total = (await listAll("/api/v2/policyresults?sort=id", 100)).length;
    expect(total).toBe(3000);
    for (const sort of ["-startedAt", "state,-exitStatus", "systemID"]) {
      const ids = (await listAll(`/api/v2/policyresults?sort=${sort}`, 97)).map((r) => r.id);
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
    }
  });

  it("sorts descending by a field and filters with ANDed filters", async () => {
    const page = await call("/api/v2/policyresults?sort=-startedAt&limit=50&filter=state:eq:failed&filter=exitStatus:ge:2");
    expect(page.body.length).toBeGreaterThan(0);
    for (const r of page.body) expect(r.state === "failed" && r.exitStatus >= 2).toBe(true);
    const started = page.body.map((r: any) => r.startedAt);
    expect([...started].sort().reverse()).toEqual(started);
  });

  it("filters policy templates by name (how a client resolves windows_security_baseline)", async () => {
    const page = await call("/api/v2/policytemplates?filter=name:eq:windows_security_baseline");
    expect(page.body).toHaveLength(1);
    const details = await call(`/api/v2/policytemplates/${page.body[0].id}`);
    expect(details.body.configFields.map((f: any) => f.displayType)).toEqual(expect.arrayContaining(["number", "checkbox", "select", "text"]));
  });

  it("projects fields and reports unknown filter fields in a header", async () => {
    const page = await call("/api/v2/policies?fields=name&limit=2");
    expect(Object.keys(page.body[0]).sort()).toEqual(["id", "name"]);
    const unknown = await call("/api/v2/policyresults?filter=status:eq:failed");
    expect(unknown.body).toEqual([]);
    expect(unknown.headers.get("x-simulator-warning")).toMatch(/status/);
  });

  it("rejects limit > 100 and bad filters with 400", async () => {
    expect(await call("/api/v2/policies?limit=101")).toMatchObject({ status: 400, body: { message: 'Bad Request: request parameter "limit" exceeds maximum value of 100' } });
    const bad = await call("/api/v2/policies?filter=name-eq-x");
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/<field>:<operator>:<value>/);
  });
});

describe("auth and orgs", () => {
  it("needs x-org-id for a multi-org key, and keeps each org's data apart", async () => {
    expect(await call("/api/v2/policies", { key: sim.keys.multiOrg })).toMatchObject({ status: 401, body: { message: "Unauthorized: no organization selected" } });
    const [first, second] = sim.orgs;
    const a = await call("/api/v2/policies?limit=100", { key: sim.keys.multiOrg, headers: { "x-org-id": first!.id } });
    const b = await call("/api/v2/policies?limit=100", { key: sim.keys.multiOrg, headers: { "x-org-id": second!.id } });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.length).toBeGreaterThan(b.body.length);
    const idsOfA = new Set(a.body.map((p: any) => p.id));
    expect(b.body.some((p: any) => idsOfA.has(p.id))).toBe(false);
    expect((await call(`/api/v2/policies/${b.body[0].id}`)).status).toBe(404);
  });

  it("answers the spec's errors for a malformed or unknown org id", async () => {
    expect((await call("/api/v2/policies", { key: sim.keys.multiOrg, headers: { "x-org-id": "nope" } })).status).toBe(400);
    expect(await call("/api/v2/policies", { key: sim.keys.singleOrg, headers: { "x-org-id": sim.orgs[1]!.id } })).toMatchObject({ status: 404, body: { message: "Organization ID Not Found" } });
  });

  it("rejects missing, unknown and revoked keys with 401, read-only writes with 403", async () => {
    expect(await call("/api/v2/policies", { key: null })).toMatchObject({ status: 401, body: { message: "Unauthorized", error: "Unauthorized" } });
    for (const key of [sim.keys.revoked, "not-a-key"]) {
      const res = await call("/api/v2/policies", { key });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe("Unauthorized");
      expect(JSON.stringify(res.body)).not.toContain(key);
    }
    expect((await call("/api/v2/policies", { key: sim.keys.readOnly })).status).toBe(200);
    const write = await call("/api/v2/policies", { key: sim.keys.readOnly, method: "POST", body: { name: "x", template: { id: "x" } } });
    expect(write.status).toBe(403);
  });

  it("issues expiring service-account tokens that v2 calls accept", async () => {
    const basic = Buffer.from(`${sim.serviceAccount.clientId}:${sim.serviceAccount.clientSecret}`).toString("base64");
    const wrong = Buffer.from(`${sim.serviceAccount.clientId}:nope`).toString("base64");
    const form = { "content-type": "application/x-www-form-urlencoded" };
    expect((await fetch(`${sim.origin}/oauth2/token`, { method: "POST", headers: { ...form, authorization: `Basic ${wrong}` }, body: "grant_type=client_credentials" })).status).toBe(401);
    expect((await fetch(`${sim.origin}/oauth2/token`, { method: "POST", headers: { ...form, authorization: `Basic ${basic}` }, body: "grant_type=password" })).status).toBe(400);

    sim.setOptions({ tokenTtlSeconds: 1 });
    const res = await fetch(`${sim.origin}/oauth2/token`, { method: "POST", headers: { ...form, authorization: `Basic ${basic}` }, body: "grant_type=client_credentials&scope=api" });
    const token = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(token).toMatchObject({ token_type: "bearer", expires_in: 1 });
    const ok = await call("/api/v2/policies", { key: null, headers: { authorization: `Bearer ${token.access_token}` } });
    expect(ok.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    const expired = await call("/api/v2/policies", { key: null, headers: { authorization: `Bearer ${token.access_token}` } });
    expect(expired).toMatchObject({ status: 401, body: { message: "Unauthorized: access token expired" } });
    sim.setOptions({ tokenTtlSeconds: 3600 });
  });
});

describe("System Context", () => {
  const signed = (path: string, system = sim.systems[0]!, overrides: { date?: string; key?: string; asSystem?: string } = {}) => {
    const headers = signSystemRequest({ method: "GET", pathWithQuery: path, systemId: overrides.asSystem ?? system.id, privateKeyPem: overrides.key ?? system.privateKeyPem, date: overrides.date });
    return call(path, { key: null, headers: { date: headers.date, authorization: headers.authorization } });
  };

  it("lets a system read itself with a valid RSA-SHA256 signature", async () => {
    const system = sim.systems[0]!;
    const res = await signed(`/api/systems/${system.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ _id: system.id, hostname: system.hostname, organization: system.orgId });
    expect((await signed(`/api/systems/${system.id}?fields=hostname`)).status).toBe(200);
  });

  it("refuses a wrong key, an old date and another system's record", async () => {
    const [a, b] = sim.systems;
    const wrongKey = await signed(`/api/systems/${a!.id}`, a, { key: b!.privateKeyPem });
    expect(wrongKey).toMatchObject({ status: 401, body: { error: "Unauthorized" } });
    expect(wrongKey.body.message).toMatch(/signature/);
    const old = await signed(`/api/systems/${a!.id}`, a, { date: new Date(Date.now() - 10 * 60_000).toUTCString() });
    expect(old.status).toBe(401);
    expect(old.body.message).toMatch(/Date header is more than 5 minutes/);
    expect((await signed(`/api/systems/${b!.id}`, a)).status).toBe(401);
  });

  it("serves the same v1 record to an admin API key", async () => {
    const system = sim.systems[1]!;
    expect(await call(`/api/systems/${system.id}`)).toMatchObject({ status: 200, body: { _id: system.id } });
  });

  it("is not accepted by the policy operations", async () => {
    const system = sim.systems[0]!;
    for (const path of ["/api/v2/policies", `/api/v2/systems/${system.id}/policystatuses`]) {
      const res = await signed(path);
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/System Context/);
    }
  });
});

describe("policies, associations, traversal, statuses", () => {
  let templateId: string;
  let fields: Record<string, string>;

  beforeAll(async () => {
    const [template] = (await call("/api/v2/policytemplates?filter=name:eq:windows_security_baseline")).body;
    templateId = template.id;
    const details = await call(`/api/v2/policytemplates/${templateId}`);
    fields = Object.fromEntries(details.body.configFields.map((f: any) => [f.name, f.id]));
  });

  it("creates with 201, validates name, template and values", async () => {
    const created = await call("/api/v2/policies", { method: "POST", body: { name: "Baseline (test)", notes: "n", template: { id: templateId }, values: [{ configFieldID: fields.minimumPasswordLength, value: 16 }] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Baseline (test)", notes: "n", template: { id: templateId, name: "windows_security_baseline" }, values: [{ value: 16, sensitive: false }] });
    expect(created.body.configFields.length).toBeGreaterThan(0);

    const cases: Array<[unknown, number, string]> = [
      [{ template: { id: templateId } }, 400, "nullName"],
      [{ name: "x" }, 400, "nullTemplateId"],
      [{ name: "x", template: { id: "0123456789abcdef01234567" } }, 400, "invalidTemplateId"],
      [{ name: "x", template: { id: templateId }, values: [{ configFieldID: fields.minimumPasswordLength, value: "16" }] }, 400, "invalidValue"],
      [{ name: "x", template: { id: templateId }, values: [{ configFieldID: fields.uacLevel, value: "never" }] }, 400, "invalidValue"],
      [{ name: "x", template: { id: templateId }, values: [{ configFieldID: "0123456789abcdef01234567", value: 1 }] }, 400, "invalidConfigFieldID"],
      [{ name: "Baseline (test)", template: { id: templateId } }, 409, "duplicateName"],
    ];
    for (const [body, status, code] of cases) expect(await call("/api/v2/policies", { method: "POST", body })).toMatchObject({ status, body: { status: code } });
  });

  it("PUT replaces the whole policy and clears what is not given", async () => {
    const created = await call("/api/v2/policies", { method: "POST", body: { name: "Put me", notes: "keep?", template: { id: templateId }, values: [{ configFieldID: fields.enableFirewall, value: false }] } });
    const put = await call(`/api/v2/policies/${created.body.id}`, { method: "PUT", body: { name: "Put me (renamed)" } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ id: created.body.id, name: "Put me (renamed)", template: expect.objectContaining({ id: templateId }) });
    const after = await call(`/api/v2/policies/${created.body.id}`);
    expect(after.body).toMatchObject({ name: "Put me (renamed)", notes: "", values: [] });
    expect((await call(`/api/v2/policies/${created.body.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await call(`/api/v2/policies/${created.body.id}`)).toMatchObject({ status: 404, body: { code: 404 } });
    expect((await call("/api/v2/policies/not-an-id")).status).toBe(400);
  });

  it("manages associations and traverses to systems through groups", async () => {
    const policy = (await call("/api/v2/policies", { method: "POST", body: { name: "Graph test", template: { id: templateId } } })).body;
    // Find a group with members through another policy's traversal.
    const all = await listAll("/api/v2/policies", 100);
    let group: any;
    for (const p of all) {
      const found = (await call(`/api/v2/policies/${p.id}/systemgroups?limit=100`)).body;
      if (found.length > 0) {
        const members = (await call(`/api/v2/policies/${p.id}/systems?limit=100`)).body.filter((s: any) => s.paths.some((path: any[]) => path.length === 2 && path[0].to.id === found[0].id));
        if (members.length > 0) { group = { id: found[0].id, member: members[0].id }; break; }
      }
    }
    expect(group).toBeDefined();

    expect((await call(`/api/v2/policies/${policy.id}/associations`)).status).toBe(400);
    expect((await call(`/api/v2/policies/${policy.id}/associations?targets=printer`)).status).toBe(400);
    const add = (type: string, id: string, op = "add") => call(`/api/v2/policies/${policy.id}/associations`, { method: "POST", body: { op, type, id } });
    expect((await add("system_group", group.id)).status).toBe(204);
    expect((await add("system", group.member)).status).toBe(204);
    expect((await add("system", group.member)).status).toBe(409);

    const direct = await call(`/api/v2/policies/${policy.id}/associations?targets=system,system_group`);
    expect(direct.body).toEqual(expect.arrayContaining([{ attributes: null, to: { attributes: null, id: group.id, type: "system_group" } }]));
    expect((await call(`/api/v2/policies/${policy.id}/associations?targets=system`)).body).toHaveLength(1);

    const systems = (await listAll(`/api/v2/policies/${policy.id}/systems`, 5));
    const member = systems.find((s) => s.id === group.member);
    expect(member.type).toBe("system");
    expect(member.paths.map((p: any[]) => p.length).sort()).toEqual([1, 2]);
    expect(systems.filter((s) => s.id !== group.member).every((s) => s.paths.length === 1 && s.paths[0].length === 2)).toBe(true);
    const groupsOfPolicy = (await call(`/api/v2/policies/${policy.id}/systemgroups`)).body;
    expect(groupsOfPolicy).toEqual([{ id: group.id, type: "system_group", compiledAttributes: {}, paths: [[{ attributes: null, to: { attributes: null, id: group.id, type: "system_group" } }]] }]);

    // Newly bound systems report a pending status; statuses are the latest result per system.
    const statuses = await listAll(`/api/v2/policies/${policy.id}/policystatuses`, 100);
    expect(statuses.length).toBe(systems.length);
    expect(statuses.every((s) => s.state === "pending")).toBe(true);
    const perSystem = await listAll(`/api/v2/systems/${group.member}/policystatuses`, 100);
    expect(perSystem.some((s) => s.policyID === policy.id)).toBe(true);
    expect(new Set(perSystem.map((s) => s.policyID)).size).toBe(perSystem.length);

    const windowsOnly = await call(`/api/v2/policies/${policy.id}/systems?filter=os:eq:windows&limit=100`);
    expect(windowsOnly.body.length).toBeGreaterThan(0);

    expect((await add("system", group.member, "remove")).status).toBe(204);
    expect((await add("system", group.member, "remove")).status).toBe(404);
    const afterRemove = (await listAll(`/api/v2/policies/${policy.id}/systems`, 100)).find((s) => s.id === group.member);
    expect(afterRemove.paths).toHaveLength(1);
  });

  it("keeps the latest result per system in policy statuses", async () => {
    const [policy] = (await call("/api/v2/policies?limit=1")).body;
    const results = await listAll(`/api/v2/policies/${policy.id}/policyresults`, 100);
    const statuses = await listAll(`/api/v2/policies/${policy.id}/policystatuses`, 100);
    const latest = new Map<string, string>();
    for (const r of results) if ((latest.get(r.systemID) ?? "") <= r.startedAt) latest.set(r.systemID, r.startedAt);
    expect(statuses).toHaveLength(latest.size);
    for (const s of statuses) expect(s.startedAt).toBe(latest.get(s.systemID));
    const one = await call(`/api/v2/policyresults/${results[0].id}`);
    expect(one.body).toEqual(results[0]);
  });
});

describe("determinism", () => {
  it("serves the same data for the same seed", async () => {
    const other = await startSimulator({ port: 0, seed: 3, size: { policies: 30, systems: 60, systemGroups: 8, policyResults: 3000 } });
    try {
      const fetchFrom = async (origin: string) => (await fetch(`${origin}/api/v2/policyresults?limit=100&skip=2000`, { headers: { "x-api-key": sim.keys.singleOrg } })).json();
      const fresh = await startSimulator({ port: 0, seed: 3, size: { policies: 30, systems: 60, systemGroups: 8, policyResults: 3000 } });
      expect(await fetchFrom(other.origin)).toEqual(await fetchFrom(fresh.origin));
      expect(other.orgs).toEqual(fresh.orgs);
      await fresh.close();
    } finally {
      await other.close();
    }
  });
});
