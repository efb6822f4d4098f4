// The client against the real simulator: all 16 operations, the integration guide's examples, multi-org,
// faults, System Context and service accounts.
import { createSign } from "node:crypto";
import { withRawParameters } from "./testing/raw-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@/simulator/server";
import type { JumpCloudAuth } from "./auth";
import { createJumpCloudClient, type JumpCloudClientOptions } from "./client";
import { rejection } from "@/lib/testing/rejection";

let sim: Simulator;

function clientFor(auth: JumpCloudAuth, extra: Partial<JumpCloudClientOptions> = {}) {
  return withRawParameters(createJumpCloudClient({
    auth,
    connection: { region: "us", baseUrl: sim.origin },
    allowedOrigins: [sim.origin],
    rateLimit: { requestsPerSecond: 2000, burst: 100 },
    ...extra,
  }));
}
const apiKey = (key: string, orgId?: string): JumpCloudAuth => ({ type: "apiKey", apiKey: key, ...(orgId ? { orgId } : {}) });

const idOf = (item: unknown) => (item as { id: string }).id;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await sim.close();
});

describe("all 16 operations", () => {
  it("runs every policy operation end to end", async () => {
    const client = clientFor(apiKey(sim.keys.singleOrg));
    const templates = await client.run("policyTemplate", "list", { returnAll: true });
    const lockScreen = templates.items.find((t) => (t as { name: string }).name === "lock_screen_windows")!;
    const template = await client.run("policyTemplate", "get", { id: idOf(lockScreen) });
    expect((template.items[0] as { configFields: unknown[] }).configFields.length).toBeGreaterThan(0);

    const created = await client.run("policy", "create", { policyData: { name: "Lock screen (int test)", template: idOf(lockScreen), values: { timeout: 900 }, notes: "first" } });
    const policy = created.items[0] as { id: string; values: Array<{ value: unknown }> };
    expect(policy.values.map((v) => v.value)).toEqual([900]);

    const got = await client.run("policy", "get", { policyId: policy.id });
    expect((got.items[0] as { name: string }).name).toBe("Lock screen (int test)");
    const listed = await client.run("policy", "list", { returnAll: true, options: { filter: ["name:eq:Lock screen (int test)"] } });
    expect(listed.items.map(idOf)).toEqual([policy.id]);

    await client.run("policy", "update", { policyId: policy.id, policyData: { name: "Lock screen (renamed)" } });
    const after = (await client.run("policy", "get", { policyId: policy.id })).items[0] as { name: string; notes: string; values: Array<{ value: unknown }> };
    expect(after).toMatchObject({ name: "Lock screen (renamed)", notes: "first" });
    expect(after.values.map((v) => v.value)).toEqual([900]); // kept by the read-modify-write

    const system = sim.systems[0]!;
    await client.run("policyAssociation", "manage", { policyId: policy.id, associationData: { op: "add", type: "system", id: system.id } });
    const associations = await client.run("policyAssociation", "list", { policyId: policy.id, targets: ["system", "system_group"] });
    expect(associations.items.map((a) => (a as { to: { id: string } }).to.id)).toContain(system.id);
    const systems = await client.run("policyTraversal", "getSystems", { policyId: policy.id, returnAll: true });
    expect(systems.items.map(idOf)).toContain(system.id);
    const groups = await client.run("policyTraversal", "getSystemGroups", { policyId: policy.id, options: { returnAll: true } });
    expect(Array.isArray(groups.items)).toBe(true);

    const allResults = await client.run("policyResult", "listForOrganization", { returnAll: true });
    expect(allResults.items.length).toBeGreaterThanOrEqual(2000); // the new association adds a pending result
    expect(new Set(allResults.items.map(idOf)).size).toBe(allResults.items.length);
    const someResult = allResults.items[0] as { id: string; policyID: string; systemID: string };
    expect((await client.run("policyResult", "get", { id: someResult.id })).items[0]).toMatchObject({ id: someResult.id });
    const forPolicy = await client.run("policyResult", "listForPolicy", { policyId: someResult.policyID, returnAll: true });
    expect(forPolicy.items.every((r) => (r as { policyID: string }).policyID === someResult.policyID)).toBe(true);
    const statuses = await client.run("policyStatus", "listForPolicy", { policyId: someResult.policyID, returnAll: true });
    expect(statuses.items.length).toBeLessThanOrEqual(forPolicy.items.length);
    const forSystem = await client.run("policyStatus", "listForSystem", { systemId: someResult.systemID, returnAll: true });
    expect(forSystem.items.length).toBeGreaterThan(0);

    await client.run("policyAssociation", "manage", { policyId: policy.id, associationData: { op: "remove", type: "system", id: system.id } });
    const deleted = await client.run("policy", "delete", { policyId: policy.id });
    expect(deleted.items).toEqual([{ id: policy.id, deleted: true }]);
    expect((await rejection(client.run("policy", "get", { policyId: policy.id }))).kind).toBe("policyNotFound");
  });
});

describe("the integration guide's examples", () => {
  it("creates a policy from a template name with xOrgId, filling the template's defaults", async () => {
    const client = clientFor(apiKey(sim.keys.multiOrg));
    const result = await client.run("policy", "create", {
      policyData: { name: "Security Compliance Policy", template: "windows_security_baseline" },
      additionalFields: { xOrgId: sim.orgs[0]!.id },
    });
    const policy = result.items[0] as { name: string; template: { name: string }; values: Array<{ value: unknown }> };
    expect(policy.name).toBe("Security Compliance Policy");
    expect(policy.template.name).toBe("windows_security_baseline");
    expect(policy.values.map((v) => typeof v.value)).toEqual(expect.arrayContaining(["number", "boolean", "string"]));
  });

  it("creates a policy from templated parameters", async () => {
    const client = clientFor(apiKey(sim.keys.singleOrg));
    const result = await client.run("policy", "create", {
      policyData: { name: "Production Security Baseline - Engineering", template: "windows_security_baseline" },
    });
    expect((result.items[0] as { name: string }).name).toBe("Production Security Baseline - Engineering");
  });

  it("an unknown template name lists close matches", async () => {
    const client = clientFor(apiKey(sim.keys.singleOrg));
    const error = await rejection(client.run("policy", "create", { policyData: { name: "X", template: "windows_security_baselin" } }));
    expect(error.kind).toBe("templateNotFound");
    expect(error.message).toContain("windows_security_baseline");
  });

  it("manages and lists associations, statuses, templates and traversals as the guide shows", async () => {
    const client = clientFor(apiKey(sim.keys.singleOrg));
    const policies = await client.run("policy", "list", { returnAll: true });
    const created = await client.run("policy", "create", { policyData: { name: "Guide associations", template: "lock_screen_windows" } });
    const policyId = idOf(created.items[0]);
    const systemId = sim.systems[1]!.id;
    await client.run("policyAssociation", "manage", { policyId, associationData: { op: "add", type: "system", id: systemId } });
    let group: unknown;
    for (const p of policies.items) {
      group ??= (await client.run("policyTraversal", "getSystemGroups", { policyId: idOf(p), returnAll: true })).items[0];
    }
    expect(group).toBeDefined();
    await client.run("policyAssociation", "manage", { policyId, associationData: { op: "add", type: "system_group", id: idOf(group) } });
    const groups = await client.run("policyTraversal", "getSystemGroups", { policyId, options: { returnAll: true } });
    expect(groups.items.map(idOf)).toContain(idOf(group));
    const associations = await client.run("policyAssociation", "list", { policyId, targets: ["system", "system_group"] });
    expect(associations.items.map((a) => (a as { to: { type: string } }).to.type).sort()).toEqual(["system", "system_group"]);
    expect((await client.run("policyStatus", "listForSystem", { systemId, returnAll: true })).items).toBeInstanceOf(Array);
    const filtered = await client.run("policyStatus", "listForSystem", { systemId, options: { filter: ["status:eq:failed"], limit: 50 } });
    expect(filtered.items.length).toBeLessThanOrEqual(50);
    const templates = await client.run("policyTemplate", "list", { returnAll: true, options: { sort: ["name"] } });
    const names = templates.items.map((t) => (t as { name: string }).name);
    expect(names).toEqual([...names].sort());
    const template = await client.run("policyTemplate", "get", { id: idOf(templates.items[0]) });
    expect(template.items).toHaveLength(1);
    const traversal = await client.run("policyTraversal", "getSystems", { policyId, options: { limit: 100, filter: ["os:eq:windows"] } });
    expect(traversal.meta.requests).toBe(1);
    const compliance = await client.run("policyResult", "listForOrganization", { options: { filter: ["status:ne:success"], sort: ["-timestamp"] } });
    expect(compliance.items.length).toBeLessThanOrEqual(10);
  });
});

describe("organizations and permissions", () => {
  it("a multi-org key needs an org id, and each org id selects that org's data", async () => {
    const client = clientFor(apiKey(sim.keys.multiOrg));
    const missing = await rejection(client.run("policy", "list", {}));
    expect(missing.kind).toBe("orgIdRequired");
    const first = await client.run("policy", "list", { returnAll: true, additionalFields: { xOrgId: sim.orgs[0]!.id } });
    const second = await client.run("policy", "list", { returnAll: true, additionalFields: { xOrgId: sim.orgs[1]!.id } });
    expect(first.items.length).toBeGreaterThan(second.items.length);
    expect(first.items.map(idOf)).not.toEqual(expect.arrayContaining(second.items.map(idOf)));
    const byCredential = clientFor(apiKey(sim.keys.multiOrg, sim.orgs[1]!.id));
    expect((await byCredential.run("policy", "list", { returnAll: true })).items.map(idOf)).toEqual(second.items.map(idOf));
    const wrong = await rejection(client.run("policy", "list", { additionalFields: { xOrgId: "0123456789abcdef01234567" } }));
    expect(wrong.kind).toBe("orgIdInvalid");
  });

  it("a single-org key works without an org id", async () => {
    const result = await clientFor(apiKey(sim.keys.singleOrg)).run("policy", "list", { options: { limit: 5 } });
    expect(result.items).toHaveLength(5);
  });

  it("test connection tells each failure apart", async () => {
    const cases: Array<[JumpCloudAuth, string]> = [
      [apiKey(sim.keys.revoked), "authenticationFailed"],
      [apiKey(sim.keys.multiOrg), "orgIdRequired"],
      [apiKey(sim.keys.multiOrg, "0123456789abcdef01234567"), "orgIdInvalid"],
    ];
    for (const [auth, kind] of cases) {
      const result = await clientFor(auth).testConnection();
      expect(result.ok ? "ok" : result.error.kind).toBe(kind);
    }
    expect((await clientFor(apiKey(sim.keys.multiOrg, sim.orgs[0]!.id)).testConnection()).ok).toBe(true);
    const closed = await withRawParameters(createJumpCloudClient({
      auth: apiKey(sim.keys.singleOrg),
      connection: { region: "us", baseUrl: "http://127.0.0.1:1" },
      allowedOrigins: ["http://127.0.0.1:1"],
      retry: { maxAttempts: 1 },
    })).testConnection();
    expect(closed.ok ? "ok" : closed.error.kind).toBe("unreachable");
  });

  it("a read-only key can read but writes are denied", async () => {
    const client = clientFor(apiKey(sim.keys.readOnly));
    const policies = await client.run("policy", "list", {});
    const error = await rejection(client.run("policy", "delete", { policyId: idOf(policies.items[0]) }));
    expect(error.kind).toBe("permissionDenied");
  });
});

describe("System Context and service accounts", () => {
  it("tests a System Context credential with live signing and with a stored date and signature", async () => {
    const system = sim.systems[0]!;
    expect((await clientFor({ type: "systemContext", systemId: system.id, privateKeyPem: system.privateKeyPem }).testConnection()).ok).toBe(true);
    const sign = (date: string) =>
      createSign("RSA-SHA256").update(`GET /api/systems/${system.id} HTTP/1.1\ndate: ${date}`).sign(system.privateKeyPem, "base64");
    const now = new Date().toUTCString();
    expect((await clientFor({ type: "systemContext", systemId: system.id, date: now, signature: sign(now) }).testConnection()).ok).toBe(true);
    const old = new Date(Date.now() - 3600_000).toUTCString();
    const stale = await clientFor({ type: "systemContext", systemId: system.id, date: old, signature: sign(old) }).testConnection();
    expect(!stale.ok && stale.error.message).toContain("too old");
    const forged = await clientFor({ type: "systemContext", systemId: system.id, date: now, signature: sign(old) }).testConnection();
    expect(!forged.ok && forged.error.message).toContain("signature was rejected");
    const refused = await rejection(clientFor({ type: "systemContext", systemId: system.id, privateKeyPem: system.privateKeyPem }).run("policy", "list", {}));
    expect(refused.kind).toBe("unsupportedAuthType");
  });

  it("a service account gets a token and runs operations", async () => {
    const { clientId, clientSecret } = sim.serviceAccount;
    const client = clientFor({ type: "serviceAccount", clientId, clientSecret });
    expect((await client.testConnection()).ok).toBe(true);
    const result = await client.run("policy", "list", { returnAll: true });
    expect(result.items.length).toBeGreaterThan(0);
    const bad = await clientFor({ type: "serviceAccount", clientId, clientSecret: "wrong" }).testConnection();
    expect(!bad.ok && bad.error.kind).toBe("authenticationFailed");
  });
});

describe("faults and cancellation", () => {
  it("returns every record of a 5,000-item returnAll exactly once while 20% of requests fail with 429/503", async () => {
    const faulty = await startSimulator({ port: 0, size: { policyResults: 5000 } });
    try {
      const client = withRawParameters(createJumpCloudClient({
        auth: apiKey(faulty.keys.singleOrg),
        connection: { region: "us", baseUrl: faulty.origin },
        allowedOrigins: [faulty.origin],
        rateLimit: { requestsPerSecond: 2000, burst: 100 },
        retry: { maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 40, maxRetryAfterMs: 40 },
      }));
      const clean = await client.run("policyResult", "listForOrganization", { returnAll: true });
      faulty.setOptions({ faultRate: 0.2, faultKinds: ["429", "503"] });
      faulty.resetStats();
      const result = await client.run("policyResult", "listForOrganization", { returnAll: true });
      const ids = result.items.map(idOf);
      expect(ids).toHaveLength(5000);
      expect(new Set(ids).size).toBe(5000);
      expect(ids).toEqual(clean.items.map(idOf));
      expect(faulty.stats().faultsInjected).toBeGreaterThan(0);
    } finally {
      await faulty.close();
    }
  });

  it("retries requests that time out", async () => {
    const slow = await startSimulator({ port: 0, faultRate: 0.3, faultKinds: ["timeout"], timeoutMs: 200 });
    try {
      const client = withRawParameters(createJumpCloudClient({
        auth: apiKey(slow.keys.singleOrg),
        connection: { region: "us", baseUrl: slow.origin },
        allowedOrigins: [slow.origin],
        timeoutMs: 50,
        retry: { maxAttempts: 10, baseDelayMs: 1, maxDelayMs: 5 },
      }));
      const result = await client.run("policy", "list", { returnAll: true });
      expect(result.items.length).toBe(24);
    } finally {
      await slow.close();
    }
  });

  it("cancelling stops the outstanding page fetches", async () => {
    // Pages that would take a minute: the run can only end by being cancelled, whatever the machine's load.
    sim.setOptions({ latencyMs: 60_000 });
    try {
      const controller = new AbortController();
      const client = clientFor(apiKey(sim.keys.singleOrg));
      const running = rejection(client.run("policyResult", "listForOrganization", { returnAll: true }, { signal: controller.signal }));
      await expect.poll(() => sim.stats().inFlight, { timeout: 10_000 }).toBeGreaterThan(0);
      controller.abort();
      const error = await running;
      expect(error.kind).toBe("cancelled");
      // The simulator sees every connection closed: nothing is left waiting on JumpCloud.
      await expect.poll(() => sim.stats().inFlight, { timeout: 10_000 }).toBe(0);
    } finally {
      sim.setOptions({ latencyMs: 0 });
    }
  });
});
