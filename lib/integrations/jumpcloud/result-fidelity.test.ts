// Results that are right or say why (issue 11): lists that stop early say so, Return All reads no further than the
// list goes, failures are explained in terms of what actually failed, and nothing wrong is ever sent.
import { describe, expect, it } from "vitest";
import { json, pagedRecords } from "./testing/fake-fetch";
import { harness, ID } from "./testing/client-harness";
import { rejection } from "@/lib/testing/rejection";

const query = (url: string) => new URL(url).searchParams;

describe("lists that stop early say so", () => {
  it("a list without Return All that fills JumpCloud's default page of 10 carries a moreRecords warning", async () => {
    const { client } = harness(pagedRecords(2000));
    const result = await client.run("policyResult", "listForOrganization", { options: { filter: ["state:ne:success"] } });
    expect(result.items).toHaveLength(10);
    expect(result.meta.warnings).toEqual([
      {
        path: "returnAll",
        severity: "warning",
        code: "moreRecords",
        message: expect.stringContaining("Only the first 10 records were returned (JumpCloud's default page)") as unknown,
      },
    ]);
    expect(result.meta.warnings[0]!.message).toContain("enable Return All, or set a limit");
  });

  it("a limit whose last page is full warns too; a short page, Return All and single reads do not", async () => {
    const limited = await harness(pagedRecords(2000)).client.run("policyStatus", "listForSystem", { systemId: ID.system, options: { limit: 250 } });
    expect(limited.items).toHaveLength(250);
    expect(limited.meta.warnings).toMatchObject([{ code: "moreRecords", message: expect.stringContaining("first 250 records") as unknown }]);
    expect((await harness(pagedRecords(7)).client.run("policy", "list", {})).meta.warnings).toEqual([]);
    expect((await harness(pagedRecords(250)).client.run("policy", "list", { options: { limit: 300 } })).meta.warnings).toEqual([]);
    expect((await harness(pagedRecords(250)).client.run("policy", "list", { returnAll: true })).meta.warnings).toEqual([]);
    expect((await harness(() => json({ id: ID.policy })).client.run("policy", "get", { policyId: ID.policy })).meta.warnings).toEqual([]);
  });

  it("lookups a write makes for itself never warn", async () => {
    const { client } = harness((request) => {
      if (request.path.startsWith("/api/v2/policytemplates?")) return json([{ id: ID.template, name: "t" }]);
      if (request.path.startsWith("/api/v2/policytemplates/")) return json({ id: ID.template, name: "t", configFields: [] });
      if (request.method === "GET") return pagedRecords(500)(request);
      return json({ id: ID.policy }, 201);
    });
    const result = await client.run("policy", "create", { policyData: { name: "P", template: "t" } });
    expect(result.meta.warnings).toEqual([]);
  });
});

describe("Return All reads no further than the list goes", () => {
  it("250 records take 3 requests, and 20,000 no more than the pages plus one window", async () => {
    // The short last page answers after the full one before it, as it may on a network.
    const records = pagedRecords(250);
    const small = harness(async (request) => {
      if (query(request.url).get("skip") === "200") await new Promise((resolve) => setTimeout(resolve, 30));
      return records(request);
    }, { concurrency: 16 });
    const few = await small.client.run("policyResult", "listForOrganization", { returnAll: true });
    expect(few.items).toHaveLength(250);
    expect(small.fetch.calls).toHaveLength(3);

    const large = harness(pagedRecords(20_000), { concurrency: 16 });
    const many = await large.client.run("policyResult", "listForOrganization", { returnAll: true });
    expect(many.items).toHaveLength(20_000);
    expect(new Set(many.items.map((item) => (item as { id: string }).id)).size).toBe(20_000);
    expect(large.fetch.calls.length).toBeLessThanOrEqual(201 + 15);
  });

  it("still reads a long list several pages at a time", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const records = pagedRecords(5000);
    const { client } = harness(
      async (request) => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
        return records(request);
      },
      { concurrency: 8 },
    );
    await client.run("policy", "list", { returnAll: true });
    expect(maxInFlight).toBe(8);
  });
});

describe("association list targets", () => {
  it("default to system and system_group: one request each instead of a 400", async () => {
    const { client, fetch } = harness(() => json([]));
    await client.run("policyAssociation", "list", { policyId: ID.policy });
    expect(fetch.calls.map((c) => query(c.url).get("targets")).sort()).toEqual(["system", "system_group"]);
  });
});

describe("advice matches the failure", () => {
  const policy = { id: ID.policy, name: "P", template: { id: ID.template } };
  const manage = (op: string, type = "system") => ({ policyId: ID.policy, associationData: { op, type, id: ID.system } });

  it("a missing system in an add is targetNotFound, not Policy not found", async () => {
    const { client, fetch } = harness((request) => (request.method === "GET" ? json(policy) : json({ code: 404, message: `system ${ID.system} not found` }, 404)));
    const error = await rejection(client.run("policyAssociation", "manage", manage("add")));
    expect(error).toMatchObject({ kind: "targetNotFound", status: 404, path: "associationData.id", upstreamStatus: 404 });
    expect(error.message).toContain(`system ${ID.system} was not found`);
    expect(error.guidance).toContain("Verify the system or system group ID");
    expect(error.guidance).not.toContain("policy ID");
    expect(fetch.calls.map((c) => c.method)).toEqual(["POST", "GET"]);
  });

  it("removing an association that does not exist says so", async () => {
    const { client } = harness((request) => {
      if (request.path.includes("/associations?")) return json([{ attributes: null, to: { id: "5a1b2c3d4e5f67890abcdef9", type: "system_group" } }]);
      return request.method === "GET" ? json(policy) : json({ code: 404, message: "association not found" }, 404);
    });
    const error = await rejection(client.run("policyAssociation", "manage", manage("remove", "system_group")));
    expect(error.kind).toBe("associationNotFound");
    expect(error.message).toContain("is not associated with the system group");
    expect(error.guidance).toContain("nothing to remove");
  });

  it("a missing policy stays Policy not found", async () => {
    const { client } = harness(() => json({ code: 404, message: "Policy not found" }, 404));
    const error = await rejection(client.run("policyAssociation", "manage", manage("add")));
    expect(error.kind).toBe("policyNotFound");
    expect(error.guidance).toContain("Verify the policy ID");
  });

  it("service-account and System Context failures get advice for their auth type, not the API key's", async () => {
    const serviceAccount = harness(() => json({ error: "invalid_client" }, 401), { auth: { type: "serviceAccount", clientId: "c", clientSecret: "s".repeat(20) } });
    const sa = await serviceAccount.client.testConnection();
    expect(!sa.ok && sa.error.guidance).toContain("Service Accounts");
    expect(!sa.ok && sa.error.guidance).not.toContain("API key");
    const forbidden = harness((request) => (request.path === "/oauth2/token" ? json({ access_token: "t", expires_in: 3600 }) : json({ message: "Forbidden" }, 403)), {
      auth: { type: "serviceAccount", clientId: "c", clientSecret: "s".repeat(20) },
    });
    const denied = await rejection(forbidden.client.run("policy", "list", {}));
    expect(denied.kind).toBe("permissionDenied");
    expect(denied.guidance).toContain("service account's role");
    const systemContext = harness(() => json({ message: "Unauthorized", error: "Unauthorized" }, 401), {
      auth: { type: "systemContext", systemId: ID.system, date: new Date().toUTCString(), signature: "c2ln" },
    });
    const sc = await systemContext.client.testConnection();
    expect(!sc.ok && sc.error.kind).toBe("authenticationFailed");
    expect(!sc.ok && sc.error.guidance).toContain("System ID");
    expect(!sc.ok && sc.error.guidance).not.toContain("API key");
  });
});

describe("nothing wrong is sent", () => {
  const template = {
    id: ID.template,
    name: "windows_security_baseline",
    configFields: [
      { id: ID.field1, name: "minimumPasswordLength", label: "Minimum password length", displayType: "number", defaultValue: 14, validators: { min: 8, max: 128 } },
      { id: ID.field2, name: "uacLevel", label: "UAC level", displayType: "select", defaultValue: "a", displayOptions: { select: [{ text: "A", value: "a" }, { text: "B", value: "b" }] } },
      { id: "5ade0cfd1f24754c6c5dc9f6", name: "escrowToken", label: "Escrow token", displayType: "text", defaultValue: null, sensitive: true },
    ],
  };

  it("template values are checked against the template's fields, all at once, before the create", async () => {
    const { client, fetch } = harness((request) => (request.path.startsWith("/api/v2/policytemplates/") ? json(template) : json([])));
    const error = await rejection(client.run("policy", "create", { policyData: { name: "P", template: ID.template, values: { minimumPasswordLength: 3, uacLevel: "z" } } }));
    expect(error.kind).toBe("invalidParameters");
    expect(error.issues?.map((issue) => issue.path)).toEqual(["policyData.values.minimumPasswordLength", "policyData.values.uacLevel"]);
    expect(error.message).toContain("and 1 more");
    expect(fetch.calls.some((c) => c.method === "POST")).toBe(false);
  });

  it("an update never writes back a sensitive value JumpCloud returned masked", async () => {
    const current = {
      id: ID.policy,
      name: "P",
      template: { id: ID.template, name: template.name },
      configFields: template.configFields,
      values: [
        { configFieldID: ID.field1, value: 14, sensitive: false },
        { configFieldID: "5ade0cfd1f24754c6c5dc9f6", value: "********", sensitive: true },
      ],
    };
    const { client, fetch } = harness((request) => (request.method === "GET" ? json(current) : json({ id: ID.policy })));
    const error = await rejection(client.run("policy", "update", { policyId: ID.policy, policyData: { notes: "n" } }));
    expect(error).toMatchObject({ kind: "invalidParameters", path: "policyData.values.escrowToken" });
    expect(error.message).toContain("returned it masked");
    expect(fetch.calls.some((c) => c.method === "PUT")).toBe(false);

    await client.run("policy", "update", { policyId: ID.policy, policyData: { notes: "n", values: { escrowToken: "new-token" } } });
    const put = JSON.parse(fetch.calls.find((c) => c.method === "PUT")!.body!) as { values: Array<{ value: unknown }> };
    expect(put.values.map((v) => v.value)).toEqual([14, "new-token"]);
  });

  it("every request names the app and its version", async () => {
    const { client, fetch } = harness(() => json([]), { userAgent: "jumpcloud-connection-manager/9.9.9" });
    await client.run("policy", "list", {});
    await client.testConnection();
    expect(fetch.calls.map((c) => c.headers["User-Agent"])).toEqual(["jumpcloud-connection-manager/9.9.9", "jumpcloud-connection-manager/9.9.9"]);
  });
});
