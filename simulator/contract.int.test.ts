/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are asserted field by field; typing each payload would only restate the spec. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { needSharedFile } from "@/lib/testing/shared-files";
import { loadOpenApiValidator, SPEC_V2_PATH, type ValidationResult } from "./contract/openapi-validator";
import { createValidatingFetch } from "./contract/validating-fetch";
import { startSimulator, type Simulator } from "./server";
import { signSystemRequest } from "./signature";

/** Every answer of the simulator (the 16 policy operations, the system and group pickers, and their errors) must validate against the official spec. */

const validator = await loadOpenApiValidator();

const POLICY_OPERATIONS = [
  "policies_post", "policies_get", "policies_list", "policies_put", "policies_delete",
  "graph_policyAssociationsList", "graph_policyAssociationsPost", "graph_policyTraverseSystem", "graph_policyTraverseSystemGroup",
  "policyresults_get", "policyresults_list", "policyresults_org_list", "policystatuses_policiesList", "policystatuses_systemsList",
  "policytemplates_get", "policytemplates_list",
];

describe("contract: simulator answers validate against openapi-v2.yaml", () => {
  beforeEach(({ skip }) => needSharedFile(skip, SPEC_V2_PATH));
  let sim: Simulator;
  const covered = new Map<string, Set<number>>();

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 5 });
  });
  afterAll(() => sim.close());

  interface Exchange {
    status: number;
    body: any;
    request: ValidationResult;
    response: ValidationResult;
  }

  /** Sends a request, validating the request and the response against the spec, and records the coverage. */
  async function exchange(method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; key?: string | null } = {}): Promise<Exchange> {
    const headers: Record<string, string> = { accept: "application/json", ...init.headers };
    if (init.key !== null) headers["x-api-key"] = init.key ?? sim.keys.singleOrg;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const url = `${sim.origin}${path}`;
    const request = validator!.validateRequest({ method, url, headers, body: init.body });
    const res = await fetch(url, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const text = await res.text();
    const body = text === "" ? undefined : JSON.parse(text);
    const response = validator!.validateResponse({ method, path, status: res.status, body });
    if (response.operationId) {
      const statuses = covered.get(response.operationId) ?? new Set<number>();
      statuses.add(res.status);
      covered.set(response.operationId, statuses);
    }
    return { status: res.status, body, request, response };
  }

  async function serviceAccountToken(): Promise<string> {
    const basic = Buffer.from(`${sim.serviceAccount.clientId}:${sim.serviceAccount.clientSecret}`).toString("base64");
    const res = await fetch(`${sim.origin}/oauth2/token`, { method: "POST", headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials&scope=api" });
    return ((await res.json()) as { access_token: string }).access_token;
  }

  /** A well-formed request whose answer must have `status` and validate. */
  async function expectValid(method: string, path: string, status: number, init: Parameters<typeof exchange>[2] = {}): Promise<any> {
    const result = await exchange(method, path, init);
    expect(result.request.errors, `request ${method} ${path}`).toEqual([]);
    expect(result.status, `${method} ${path}: ${JSON.stringify(result.body)}`).toBe(status);
    expect(result.response.errors, `response ${method} ${path}`).toEqual([]);
    return result.body;
  }

  it("answers all 16 operations with bodies the spec describes", async () => {
    const templates = await expectValid("GET", "/api/v2/policytemplates?limit=100&sort=name", 200);
    const baseline = templates.find((t: any) => t.name === "windows_security_baseline");
    await expectValid("GET", "/api/v2/policytemplates?filter=osMetaFamily:eq:darwin&fields=id,name", 200);
    const details = await expectValid("GET", `/api/v2/policytemplates/${baseline.id}`, 200);
    const field = details.configFields.find((f: any) => f.name === "uacLevel");

    const created = await expectValid("POST", "/api/v2/policies", 201, {
      body: { name: "Contract baseline", notes: "contract", template: { id: baseline.id }, values: [{ configFieldID: field.id, value: "promptForConsent", sensitive: false }] },
    });
    await expectValid("GET", "/api/v2/policies?limit=100&sort=-name&filter=name:search:Windows", 200);
    await expectValid("GET", "/api/v2/policies?fields=id,name&skip=3", 200);
    await expectValid("GET", `/api/v2/policies/${created.id}`, 200);
    await expectValid("PUT", `/api/v2/policies/${created.id}`, 200, { body: { name: "Contract baseline v2", values: [] } });

    const seeded = await expectValid("GET", "/api/v2/policies?limit=1&sort=id", 200);
    const groups = await expectValid("GET", `/api/v2/policies/${seeded[0].id}/systemgroups?limit=100`, 200);
    const systems = await expectValid("GET", `/api/v2/policies/${seeded[0].id}/systems?limit=100&filter=os:ne:linux`, 200);
    expect(groups.length + systems.length).toBeGreaterThan(0);
    const group = groups[0] ?? (await expectValid("GET", `/api/v2/policies/${(await expectValid("GET", "/api/v2/policies?limit=3&sort=id", 200))[2].id}/systemgroups`, 200))[0];

    await expectValid("POST", `/api/v2/policies/${created.id}/associations`, 204, { body: { op: "add", type: "system_group", id: group.id } });
    await expectValid("POST", `/api/v2/policies/${created.id}/associations`, 204, { body: { op: "add", type: "system", id: sim.systems[0]!.id, attributes: {} } });
    await expectValid("GET", `/api/v2/policies/${created.id}/associations?targets=system_group&targets=system&limit=5`, 200);
    await expectValid("GET", `/api/v2/policies/${created.id}/systems`, 200);
    await expectValid("GET", `/api/v2/policies/${created.id}/systemgroups`, 200);
    await expectValid("GET", `/api/v2/policies/${created.id}/policystatuses`, 200);

    const results = await expectValid("GET", `/api/v2/policies/${seeded[0].id}/policyresults?limit=100&sort=-startedAt`, 200);
    await expectValid("GET", "/api/v2/policyresults?filter=state:eq:failed&filter=startedAt:between:2026-10-01T00:00:00Z|2026-11-01T00:00:00Z&sort=-startedAt&limit=50", 200);
    await expectValid("GET", `/api/v2/policyresults/${results[0].id}`, 200);
    await expectValid("GET", `/api/v2/policies/${seeded[0].id}/policystatuses?fields=id,state,systemID`, 200);
    await expectValid("GET", `/api/v2/systems/${results[0].systemID}/policystatuses?sort=-startedAt`, 200);
    await expectValid("DELETE", `/api/v2/policies/${created.id}`, 204);

    for (const operationId of POLICY_OPERATIONS) {
      expect([...(covered.get(operationId) ?? [])].some((s) => s < 300), operationId).toBe(true);
    }
  });

  it("answers errors with bodies that validate as the spec's Error / ErrorDetails", async () => {
    const [policy] = await expectValid("GET", "/api/v2/policies?limit=1", 200);
    const cases: Array<[string, string, number, Parameters<typeof exchange>[2]?]> = [
      ["GET", "/api/v2/policies?limit=101", 400],
      ["GET", "/api/v2/policyresults?filter=state:is:failed", 400],
      ["POST", "/api/v2/policies", 400, { body: { name: "", template: { id: policy.template.id } } }],
      ["POST", "/api/v2/policies", 409, { body: { name: policy.name, template: { id: policy.template.id } } }],
      ["GET", "/api/v2/policies", 401, { key: null }],
      ["GET", "/api/v2/policies", 401, { key: sim.keys.revoked }],
      ["GET", "/api/v2/policies", 401, { key: sim.keys.multiOrg }],
      ["GET", "/api/v2/policies", 404, { headers: { "x-org-id": sim.orgs[1]!.id } }],
      ["DELETE", `/api/v2/policies/${policy.id}`, 403, { key: sim.keys.readOnly }],
      ["GET", "/api/v2/policies/0123456789abcdef01234567", 404],
      ["GET", "/api/v2/policyresults/0123456789abcdef01234567", 404],
      ["GET", "/api/v2/policytemplates/0123456789abcdef01234567", 404],
      ["GET", "/api/v2/systems/0123456789abcdef01234567/policystatuses", 404],
      ["POST", `/api/v2/policies/${policy.id}/associations`, 400, { body: { op: "add", type: "printer", id: "x" } }],
    ];
    for (const [method, path, status, init] of cases) {
      const result = await exchange(method, path, init);
      expect(result.status, `${method} ${path}`).toBe(status);
      expect(result.response.errors, `${method} ${path} ${JSON.stringify(result.body)}`).toEqual([]);
    }
    const system = sim.systems[0]!;
    const path = `/api/v2/systems/${system.id}/policystatuses`;
    const signed = signSystemRequest({ method: "GET", pathWithQuery: path, systemId: system.id, privateKeyPem: system.privateKeyPem });
    const refused = await exchange("GET", path, { key: null, headers: { date: signed.date, authorization: signed.authorization } });
    expect(refused.status).toBe(401);
    expect(refused.response.errors).toEqual([]);
  });

  it("answers the v1 System Context call with the v1 `system` schema", async () => {
    const system = sim.systems[1]!;
    const path = `/api/systems/${system.id}`;
    const signed = signSystemRequest({ method: "GET", pathWithQuery: path, systemId: system.id, privateKeyPem: system.privateKeyPem });
    const result = await exchange("GET", path, { key: null, headers: { date: signed.date, authorization: signed.authorization } });
    expect(result.status).toBe(200);
    expect(result.request.errors).toEqual([]);
    expect(result.response.errors).toEqual([]);
  });

  it("answers the v1 systems list and record with API keys, service-account tokens and x-org-id", async () => {
    const page = await expectValid("GET", "/api/systems", 200);
    expect(page).toMatchObject({ totalCount: expect.any(Number), results: expect.any(Array) });
    expect(page.results).toHaveLength(10);
    const sorted = await expectValid("GET", "/api/systems?limit=100&skip=2&sort=-os%20hostname&fields=hostname%20os", 200);
    expect(Object.keys(sorted.results[0]).sort()).toEqual(["_id", "hostname", "os"]);
    await expectValid("GET", "/api/systems?filter=os:$eq:windows&limit=5", 200);
    await expectValid("GET", "/api/systems?filter[0]=os:$eq:darwin&filter[1]=active:$eq:true", 200);
    await expectValid("GET", "/api/systems?filter[or][0]=os:$eq:linux&filter[or][1]=os:$eq:windows&sort=hostname", 200);
    await expectValid("GET", `/api/systems?search=${encodeURIComponent('{"searchTerm":"macbook","fields":["hostname"]}')}`, 200);
    await expectValid("GET", `/api/systems?filter=hostname:$co:MacBook|web`, 200, { headers: { "x-eventually-consistent": "true" } });

    const token = await serviceAccountToken();
    await expectValid("GET", "/api/systems?limit=3", 200, { key: null, headers: { authorization: `Bearer ${token}` } });
    const second = await expectValid("GET", "/api/systems?limit=100", 200, { key: sim.keys.multiOrg, headers: { "x-org-id": sim.orgs[1]!.id } });
    expect(second.results.every((s: any) => s.organization === sim.orgs[1]!.id)).toBe(true);

    const id = page.results[0]._id;
    await expectValid("GET", `/api/systems/${id}`, 200);
    await expectValid("GET", `/api/systems/${id}?fields=hostname%20lastContact`, 200, { key: null, headers: { authorization: `Bearer ${token}` } });
    await expectValid("GET", `/api/systems/${second.results[0]._id}`, 200, { key: sim.keys.multiOrg, headers: { "x-org-id": sim.orgs[1]!.id } });
  });

  it("answers the v2 system group list, record and members", async () => {
    const groups = await expectValid("GET", "/api/v2/systemgroups?limit=100", 200);
    expect(groups.length).toBeGreaterThan(0);
    await expectValid("GET", "/api/v2/systemgroups?filter=name:search:Mac&sort=-name&fields=id,name&skip=1&limit=2", 200);
    await expectValid("GET", "/api/v2/systemgroups?filter=membershipMethod:eq:STATIC&filter=disabled:eq:false", 200);
    const group = await expectValid("GET", `/api/v2/systemgroups/${groups[0].id}`, 200);
    expect(group).toMatchObject({ id: groups[0].id, type: "system_group", name: groups[0].name });
    const members = await expectValid("GET", `/api/v2/systemgroups/${groups[0].id}/members?limit=100&skip=0`, 200);
    expect(members.every((m: any) => m.to.type === "system")).toBe(true);
    const token = await serviceAccountToken();
    await expectValid("GET", `/api/v2/systemgroups/${groups[0].id}/members`, 200, { key: null, headers: { authorization: `Bearer ${token}` } });
    await expectValid("GET", "/api/v2/systemgroups", 200, { key: sim.keys.multiOrg, headers: { "x-org-id": sim.orgs[1]!.id } });

    for (const operationId of ["systems_list", "systems_get", "groups_system_list", "groups_system_get", "graph_systemGroupMembersList"]) {
      expect([...(covered.get(operationId) ?? [])].some((s) => s < 300), operationId).toBe(true);
    }
  });

  it("answers the picker endpoints' errors with bodies the spec allows", async () => {
    const system = sim.systems[0]!;
    const listPath = "/api/systems";
    const signed = signSystemRequest({ method: "GET", pathWithQuery: listPath, systemId: system.id, privateKeyPem: system.privateKeyPem });
    const cases: Array<[string, number, Parameters<typeof exchange>[2]?]> = [
      ["/api/systems?limit=101", 400],
      ["/api/systems?filter=os:eq:windows", 400],
      ["/api/systems?filter=hostname:$co:web", 400],
      ["/api/systems", 401, { key: sim.keys.revoked }],
      ["/api/systems", 401, { key: sim.keys.multiOrg }],
      [listPath, 401, { key: null, headers: { date: signed.date, authorization: signed.authorization } }],
      ["/api/systems/0123456789abcdef01234567", 404],
      ["/api/systems/not-an-id", 400],
      ["/api/v2/systemgroups?limit=0", 400],
      ["/api/v2/systemgroups", 404, { headers: { "x-org-id": sim.orgs[1]!.id } }],
      ["/api/v2/systemgroups/0123456789abcdef01234567", 404],
      ["/api/v2/systemgroups/nope/members", 400],
      ["/api/v2/systemgroups/0123456789abcdef01234567/members", 404],
    ];
    for (const [path, status, init] of cases) {
      const result = await exchange("GET", path, init);
      expect(result.status, `${path} ${JSON.stringify(result.body)}`).toBe(status);
      expect(result.response.errors, `${path} ${JSON.stringify(result.body)}`).toEqual([]);
    }
  });

  it("still answers within the spec after churn has added and removed systems, policies and bindings", async () => {
    const churned = await startSimulator({ port: 0, seed: 5, churn: "demo" });
    try {
      const { changes } = churned.advance(48);
      expect(changes.systemsAdded * changes.systemsRemoved * changes.policiesAdded * changes.associationsAdded * changes.policyEdits).toBeGreaterThan(0);
      const get = async (path: string) => {
        const res = await fetch(`${churned.origin}${path}`, { headers: { "x-api-key": churned.keys.singleOrg } });
        const body = await res.json();
        expect(res.status, path).toBe(200);
        expect(validator!.validateResponse({ method: "GET", path, status: res.status, body }).errors, path).toEqual([]);
        return body;
      };
      const policies = await get("/api/v2/policies?limit=100&sort=-id");
      await get(`/api/v2/policies/${policies[0].id}`);
      await get(`/api/v2/policies/${policies[0].id}/policystatuses?limit=100`);
      await get(`/api/v2/policies/${policies[0].id}/systems?limit=100`);
      await get(`/api/v2/policies/${policies[0].id}/associations?targets=system,system_group&limit=100`);
      await get("/api/v2/policyresults?limit=100&sort=-startedAt");
      const systems = await get("/api/systems?limit=100&sort=-created");
      await get(`/api/v2/systems/${systems.results[0]._id}/policystatuses?limit=100`);
      const groups = await get("/api/v2/systemgroups?limit=100");
      await get(`/api/v2/systemgroups/${groups[0].id}/members?limit=100`);
    } finally {
      await churned.close();
    }
  });

  it("catches deliberately wrong bodies, statuses and requests", async () => {
    const [result] = await expectValid("GET", "/api/v2/policyresults?limit=1", 200);
    const check = (path: string, status: number, body: unknown, method = "GET") => validator!.validateResponse({ method, path, status, body });

    expect(check("/api/v2/policyresults?limit=1", 200, [{ ...result, exitStatus: "0" }]).errors.join()).toMatch(/exitStatus must be integer/);
    const { policyID, ...renamed } = result;
    expect(check("/api/v2/policyresults?limit=1", 200, [{ ...renamed, policyId: policyID }]).errors.join()).toMatch(/unevaluated properties \(policyId\)/);
    expect(check(`/api/v2/policyresults/${result.id}`, 200, { ...result, startedAt: "yesterday" }).valid).toBe(false);
    expect(check("/api/v2/policyresults", 200, { results: [result] }).errors.join()).toMatch(/must be array/);
    expect(check("/api/v2/policies", 201, { name: "x" }, "POST").valid).toBe(true);
    expect(check("/api/v2/policies", 200, { name: "x" }, "POST").errors.join()).toMatch(/status 200 is not declared/);
    expect(check("/api/v2/policies/abc", 404, { code: "404", message: "Not Found" }).valid).toBe(false);
    expect(check("/api/v2/policies/abc/systems", 200, [{ id: "a", type: "computer", paths: [] }]).valid).toBe(false);

    const missingTargets = validator!.validateRequest({ method: "GET", url: `${sim.origin}/api/v2/policies/abc/associations`, headers: { "x-api-key": "k" } });
    expect(missingTargets.errors.join()).toMatch(/targets/);
    const badBody = validator!.validateRequest({ method: "POST", url: "/api/v2/policies", headers: { "x-api-key": "k" }, body: { name: "x" } });
    expect(badBody.errors.join()).toMatch(/template/);
    const undeclared = validator!.validateRequest({ method: "GET", url: "/api/v2/policies/abc/systems?sort=name", headers: { "x-api-key": "k" } });
    expect(undeclared.errors.join()).toMatch(/"sort" is not declared/);
    expect(validator!.validateRequest({ method: "GET", url: "/api/v2/policies", headers: {} }).errors.join()).toMatch(/x-api-key/);
    expect(check("/api/systems", 200, { totalCount: "3", results: [] }).errors.join()).toMatch(/totalCount must be integer/);
    expect(check("/api/systems", 200, { totalCount: 1, results: [{ _id: "a", id: "a" }] }).errors.join()).toMatch(/unevaluated properties \(id\)/);
    expect(check("/api/v2/systemgroups", 200, [{ id: "a", type: "group" }]).valid).toBe(false);
    expect(check("/api/v2/systemgroups/a/members", 200, [{ to: { id: "a" } }]).errors.join()).toMatch(/type/);
    const repeated = validator!.validateRequest({ method: "GET", url: "/api/systems?filter=os:$eq:linux&filter=active:$eq:true", headers: { "x-api-key": "k" } });
    expect(repeated.errors.join()).toMatch(/filter must be string/);
    const unknownIndex = validator!.validateRequest({ method: "GET", url: "/api/systems?filter[nor][0]=os:$eq:linux", headers: { "x-api-key": "k" } });
    expect(unknownIndex.errors.join()).toMatch(/"filter\[nor\]\[0\]" is not declared/);
    const membersSort = validator!.validateRequest({ method: "GET", url: "/api/v2/systemgroups/abc/members?sort=id", headers: { "x-api-key": "k" } });
    expect(membersSort.errors.join()).toMatch(/"sort" is not declared/);
  });

  it("wraps fetch so a client's own requests and the answers it gets are checked", async () => {
    const checked = createValidatingFetch(validator!);
    const headers = { "x-api-key": sim.keys.singleOrg, accept: "application/json" };
    const [policy] = (await (await checked.fetch(`${sim.origin}/api/v2/policies?limit=1`, { headers })).json()) as Array<{ id: string; name: string }>;
    await checked.fetch(`${sim.origin}/api/v2/policies/${policy!.id}`, { method: "PUT", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ name: policy!.name }) });
    expect(checked.violations()).toEqual([]);
    await checked.fetch(`${sim.origin}/api/v2/policies/${policy!.id}/associations`, { headers });
    await checked.fetch(`${sim.origin}/__simulator/info`);
    expect(checked.exchanges.map((e) => e.operationId)).toEqual(["policies_list", "policies_put", "graph_policyAssociationsList"]);
    expect(checked.violations()).toHaveLength(1);
    expect(checked.violations()[0]!.requestErrors.join()).toMatch(/targets/);
  });
});
