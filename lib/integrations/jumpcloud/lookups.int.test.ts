// The pickers' and the result tables' lookups against the simulator: systems from v1 GET /api/systems (searched,
// hostname and OS beside the id), system groups from v2, and names of policies, systems and groups by id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@/simulator/server";
import { createJumpCloudClient } from "./client";
import { idReferences } from "./id-references";
import { listOptions, lookupNames } from "./lookups";

let sim: Simulator;
const requests: string[] = [];
const client = () =>
  createJumpCloudClient({
    auth: { type: "apiKey", apiKey: sim.keys.singleOrg },
    connection: { region: "us", baseUrl: sim.origin },
    allowedOrigins: [sim.origin],
    rateLimit: { requestsPerSecond: 2000, burst: 100 },
    onRequest: (event) => requests.push(event.path),
  });

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 8, size: { policies: 20, systems: 230, systemGroups: 8, policyResults: 200 } });
});
afterAll(() => sim.close());

describe("pickers for systems and system groups", () => {
  it("lists systems through v1 with hostname and OS, searched on the server", async () => {
    const all = await listOptions(client(), { locator: { resource: "system", operation: "list" }, scope: {} });
    expect(all.options).toHaveLength(100);
    expect(all.limited).toBe(true);
    const hostname = all.options[7]!.name!;
    const found = await listOptions(client(), { locator: { resource: "system", operation: "list" }, search: hostname, scope: {} });
    expect(found.options.map((option) => option.name)).toContain(hostname);
    expect(found.options.every((option) => /\S/.test(option.detail ?? ""))).toBe(true);
    expect(requests.at(-1)).toMatch(/^\/api\/systems\?/);
    expect(requests.at(-1)).toContain(`search=${encodeURIComponent(hostname)}`);
    expect(requests.at(-1)).toContain("sort=hostname");
  });

  it("lists system groups by name and narrows them by search", async () => {
    const groups = await listOptions(client(), { locator: { resource: "systemGroup", operation: "list" }, scope: {} });
    expect(groups.options).toHaveLength(8);
    const name = groups.options[3]!.label;
    const found = await listOptions(client(), { locator: { resource: "systemGroup", operation: "list" }, search: name, scope: {} });
    expect(found.options.map((option) => option.label)).toContain(name);
    expect(requests.at(-1)).toMatch(/^\/api\/v2\/systemgroups\?/);
  });
});

describe("names beside ids", () => {
  it("names policies, systems and groups by id, a page per request, leaving unknown ids out", async () => {
    const policies = await listOptions(client(), { locator: { resource: "policy", operation: "list" }, scope: {} });
    const systems = await listOptions(client(), { locator: { resource: "system", operation: "list" }, scope: {} });
    const groups = await listOptions(client(), { locator: { resource: "systemGroup", operation: "list" }, scope: {} });
    const unknown = "0123456789abcdef01234567";
    expect(await lookupNames(client(), { kind: "policy", ids: [policies.options[0]!.value, unknown], scope: {} })).toEqual({ [policies.options[0]!.value]: policies.options[0]!.label });
    const systemIds = systems.options.map((option) => option.value);
    requests.length = 0;
    const strangers = Array.from({ length: 20 }, (_, i) => `ffffffffffffffffffff${String(i).padStart(4, "0")}`);
    const systemNames = await lookupNames(client(), { kind: "system", ids: [...systemIds, ...strangers], scope: {} });
    expect(Object.keys(systemNames)).toHaveLength(100);
    expect(systemNames[systems.options[5]!.value]).toBe(systems.options[5]!.name);
    expect(requests).toHaveLength(2);
    expect(await lookupNames(client(), { kind: "system_group", ids: [groups.options[1]!.value], scope: {} })).toEqual({ [groups.options[1]!.value]: groups.options[1]!.label });
  });

  it("reads which fields of a record hold ids of what", () => {
    expect(idReferences({ id: "r", policyID: "p", systemID: "s", state: "failed" })).toEqual([
      { field: "policyID", kind: "policy", id: "p" },
      { field: "systemID", kind: "system", id: "s" },
    ]);
    expect(idReferences({ to: { id: "g", type: "system_group" } })).toEqual([{ field: "to", kind: "system_group", id: "g" }]);
    expect(idReferences({ id: "s", type: "system", paths: [] })).toEqual([{ field: "id", kind: "system", id: "s" }]);
    expect(idReferences({ policyId: "p", op: "add", type: "user", id: "u" })).toEqual([{ field: "policyId", kind: "policy", id: "p" }]);
  });
});
