import { describe, expect, it } from "vitest";
import { json, pagedRecords } from "./testing/fake-fetch";
import { harness, ID } from "./testing/client-harness";
import { rejection } from "@/lib/testing/rejection";

const query = (url: string) => new URL(url).searchParams;

describe("lists", () => {
  it("returnAll fetches every page concurrently, within the concurrency bound, exactly once and in order", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const records = pagedRecords(1234);
    const { client, fetch } = harness(
      async (request) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight--;
        return records(request);
      },
      { concurrency: 4 },
    );
    const result = await client.run("policyResult", "listForOrganization", { returnAll: true });
    const ids = result.items.map((item) => (item as { n: number }).n);
    expect(ids).toEqual(Array.from({ length: 1234 }, (_, i) => i));
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(fetch.calls.every((c) => Number(query(c.url).get("limit")) === 100)).toBe(true);
    // Pages after the first short page (index 12) are never launched beyond the window.
    expect(fetch.calls.length).toBeLessThanOrEqual(13 + 3);
    expect(result.meta.pages).toBe(fetch.calls.length);
  });

  it("a list that fits in one page costs one request", async () => {
    const { client, fetch } = harness(pagedRecords(24));
    const result = await client.run("policy", "list", { returnAll: true });
    expect(result.items).toHaveLength(24);
    expect(fetch.calls).toHaveLength(1);
  });

  it("splits a limit above 100 into pages of at most 100 and returns exactly the limit", async () => {
    const { client, fetch } = harness(pagedRecords(1000));
    const result = await client.run("policyResult", "listForPolicy", { policyId: ID.policy, options: { limit: 250, skip: 10 } });
    expect(result.items).toHaveLength(250);
    expect((result.items[0] as { n: number }).n).toBe(10);
    const pages = fetch.calls.map((c) => [query(c.url).get("skip"), query(c.url).get("limit")]);
    expect(pages.sort()).toEqual([["10", "100"], ["110", "100"], ["210", "50"]]);
  });

  it("sends several filters as repeated params, sort and fields comma-joined, and adds id to a multi-page sort", async () => {
    const { client, fetch } = harness(pagedRecords(5));
    await client.run("policyResult", "listForOrganization", {
      returnAll: true,
      options: { filter: ["success:eq:false", "startedAt:gt:2024-01-01T00:00:00Z"], sort: ["-startedAt"], fields: ["id", "success"] },
    });
    const params = query(fetch.calls[0]!.url);
    expect(params.getAll("filter")).toEqual(["success:eq:false", "startedAt:gt:2024-01-01T00:00:00Z"]);
    expect(params.get("sort")).toBe("-startedAt,id");
    expect(params.get("fields")).toBe("id,success");
  });

  it("accepts returnAll inside options, as one example of the guide writes it", async () => {
    const { client, fetch } = harness(pagedRecords(150));
    const result = await client.run("policyTraversal", "getSystemGroups", { policyId: ID.policy, options: { returnAll: true } });
    expect(result.items).toHaveLength(150);
    expect(fetch.calls[0]!.path).toBe(`/api/v2/policies/${ID.policy}/systemgroups?limit=100&skip=0`);
  });

  it("lists associations with one request per target, merged", async () => {
    const { client, fetch } = harness((request) => {
      const target = query(request.url).get("targets");
      return json([{ attributes: null, to: { id: `${target}-1`, type: target, attributes: null } }]);
    });
    const result = await client.run("policyAssociation", "list", { policyId: ID.policy, targets: ["system", "system_group"] });
    expect(fetch.calls.map((c) => query(c.url).get("targets")).sort()).toEqual(["system", "system_group"]);
    expect(result.items.map((i) => (i as { to: { type: string } }).to.type)).toEqual(["system", "system_group"]);
  });

  it("rejects list options an endpoint does not support, before any request", async () => {
    const { client, fetch } = harness(() => json([]));
    const error = await rejection(client.run("policyAssociation", "list", { policyId: ID.policy, targets: "system", options: { sort: ["name"] } }));
    expect(error.kind).toBe("invalidConfig");
    expect(error.message).toContain("supported: limit, skip");
    const traversal = await rejection(client.run("policyTraversal", "getSystems", { policyId: ID.policy, options: { fields: ["id"] } }));
    expect(traversal.message).toContain("limit, skip, filter");
    expect(fetch.calls).toHaveLength(0);
  });

  it("validates filters before sending", async () => {
    const { client, fetch } = harness(() => json([]));
    const error = await rejection(client.run("policy", "list", { options: { filter: ["name=foo"] } }));
    expect(error.kind).toBe("invalidConfig");
    expect(error.path).toBe("options.filter[0]");
    expect(error.message).toContain("field:operator:value");
    expect(fetch.calls).toHaveLength(0);
  });

  it("names the missing or malformed parameter", async () => {
    const { client } = harness(() => json([]));
    const missing = await rejection(client.run("policy", "get", {}));
    expect(missing.kind).toBe("invalidConfig");
    expect(missing.message).toBe("policyId is required");
    expect(missing.path).toBe("policyId");
    const malformed = await rejection(client.run("policyAssociation", "manage", { policyId: ID.policy, associationData: { op: "add", type: "device", id: ID.system } }));
    expect(malformed.path).toBe("associationData.type");
    const unknown = await rejection(client.run("policy", "archive", {}));
    expect(unknown.message).toContain("create, get, list, update, delete");
  });
});

describe("org id", () => {
  it("sends the credential's org id, and additionalFields.xOrgId overrides it", async () => {
    const { client, fetch } = harness(() => json([]), { auth: { type: "apiKey", apiKey: "k".repeat(20), orgId: ID.org } });
    await client.run("policy", "list", {});
    await client.run("policy", "list", { additionalFields: { xOrgId: ID.org2 } });
    expect(fetch.calls.map((c) => c.headers["x-org-id"])).toEqual([ID.org, ID.org2]);
  });
});

describe("policy writes", () => {
  const template = {
    id: ID.template,
    name: "windows_security_baseline",
    configFields: [
      { id: ID.field1, name: "minimumPasswordLength", defaultValue: 14, sensitive: false },
      { id: ID.field2, name: "uacLevel", defaultValue: "promptForConsentOnSecureDesktop" },
      { id: "5ade0cfd1f24754c6c5dc9f6", name: "escrowToken", defaultValue: null, sensitive: true },
    ],
  };
  /** The template's two plain values, as a policy body carries them. */
  const values = (minimumPasswordLength: unknown, uacLevel: unknown) => [
    { configFieldID: ID.field1, value: minimumPasswordLength, sensitive: false },
    { configFieldID: ID.field2, value: uacLevel, sensitive: false },
  ];

  it("creates from a template name, fills missing values from defaults keeping their JSON types", async () => {
    const { client, fetch } = harness((request) => {
      if (request.path.startsWith("/api/v2/policytemplates?")) return json([{ id: ID.template, name: "windows_security_baseline" }]);
      if (request.path === `/api/v2/policytemplates/${ID.template}`) return json(template);
      if (request.method === "GET") return json([]);
      return json({ id: ID.policy, ...JSON.parse(request.body!) }, 201);
    });
    const result = await client.run("policy", "create", {
      policyData: { name: "Security Compliance Policy", template: "windows_security_baseline", values: { uacLevel: "elevateWithoutPrompting" }, notes: "n" },
    });
    const post = fetch.calls.find((c) => c.method === "POST")!;
    expect(JSON.parse(post.body!)).toEqual({ name: "Security Compliance Policy", template: { id: ID.template }, values: values(14, "elevateWithoutPrompting"), notes: "n" });
    expect(post.headers["Content-Type"]).toBe("application/json");
    expect((result.items[0] as { id: string }).id).toBe(ID.policy);
    expect(fetch.calls.some((c) => c.path === "/api/v2/policytemplates?limit=100&skip=0&filter=name%3Aeq%3Awindows_security_baseline")).toBe(true);
  });

  it("accepts the template as { id } and values as [{configFieldID, value}]", async () => {
    const { client, fetch } = harness((request) => {
      if (request.path === `/api/v2/policytemplates/${ID.template}`) return json(template);
      if (request.method === "GET") return json([]);
      return json({ id: ID.policy }, 201);
    });
    await client.run("policy", "create", {
      policyData: { name: "P", template: { id: ID.template }, values: [{ configFieldID: ID.field1, value: "16" }] },
    });
    const body = JSON.parse(fetch.calls.find((c) => c.method === "POST")!.body!);
    expect(body.values[0]).toEqual({ configFieldID: ID.field1, value: "16", sensitive: false });
  });

  it("an unknown template name is a clear error listing close matches", async () => {
    const { client, fetch } = harness((request) =>
      request.path.includes("filter=") ? json([]) : json([{ name: "windows_security_baseline" }, { name: "lock_screen_windows" }, { name: "gatekeeper_darwin" }]),
    );
    const error = await rejection(client.run("policy", "create", { policyData: { name: "P", template: "windows_security_baselin" } }));
    expect(error.kind).toBe("templateNotFound");
    expect(error.message).toContain("Did you mean: windows_security_baseline");
    expect(error.path).toBe("policyData.template");
    expect(fetch.calls.some((c) => c.method === "POST")).toBe(false);
  });

  it("an unknown value name names the template's fields", async () => {
    const { client } = harness((request) => (request.path.startsWith("/api/v2/policytemplates/") ? json(template) : json([])));
    const error = await rejection(client.run("policy", "create", { policyData: { name: "P", template: ID.template, values: { minPasswordLength: 3 } } }));
    expect(error.kind).toBe("invalidParameters");
    expect(error.path).toBe("policyData.values.minPasswordLength");
    expect(error.message).toContain("minimumPasswordLength");
  });

  it("update reads the policy, merges the given fields and PUTs the whole policy", async () => {
    const current = {
      id: ID.policy,
      name: "Old name",
      notes: "keep me",
      template: { id: ID.template, name: "windows_security_baseline" },
      configFields: template.configFields,
      values: values(14, "promptForConsentOnSecureDesktop"),
    };
    const { client, fetch } = harness((request) => (request.method === "GET" ? json(current) : json({ id: ID.policy, name: "New name" })));
    await client.run("policy", "update", { policyId: ID.policy, policyData: { name: "New name", values: { minimumPasswordLength: 20 } } });
    const put = fetch.calls.find((c) => c.method === "PUT")!;
    expect(put.path).toBe(`/api/v2/policies/${ID.policy}`);
    expect(JSON.parse(put.body!)).toEqual({ name: "New name", template: { id: ID.template }, values: values(20, "promptForConsentOnSecureDesktop"), notes: "keep me" });
  });

  it("update refuses to change the template", async () => {
    const { client, fetch } = harness(() => json({ id: ID.policy, name: "x", template: { id: ID.template, name: "windows_security_baseline" } }));
    const error = await rejection(client.run("policy", "update", { policyId: ID.policy, policyData: { template: "lock_screen_windows" } }));
    expect(error.kind).toBe("invalidParameters");
    expect(fetch.calls.some((c) => c.method === "PUT")).toBe(false);
  });
});
