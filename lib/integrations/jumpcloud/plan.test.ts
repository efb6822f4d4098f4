import { describe, expect, it } from "vitest";
import { toCurl } from "../curl";
import { validParameters } from "../parameters";
import type { AuthDescriptor } from "../types";
import { describeAuth } from "./auth";
import { jumpcloud } from "./index";
import { operations, requireOperation } from "./operations/index";
import { planRequests } from "./plan";
import { json, pagedRecords } from "./testing/fake-fetch";
import { harness, ID } from "./testing/client-harness";

const apiKey = { type: "apiKey" as const, apiKey: "super-secret-key-123456", orgId: ID.org };
const auth = describeAuth("apiKey", { orgId: ID.org });

function plan(input: { resource: string; operation: string; params: unknown; auth: AuthDescriptor }) {
  const operation = requireOperation(input.resource, input.operation);
  return planRequests({ operation, parameters: validParameters(operation, input.params), auth: input.auth, connection: { region: "us" }, allowedOrigins: [] });
}

describe("planRequests", () => {
  it("shows the exact request with the secret masked", () => {
    const planned = plan({ resource: "policyStatus", operation: "listForSystem", params: { systemId: ID.system, options: { filter: ["status:eq:failed"], limit: 50 } }, auth });
    expect(planned.requests).toEqual([
      {
        method: "GET",
        url: `https://console.jumpcloud.com/api/v2/systems/${ID.system}/policystatuses?limit=50&skip=0&filter=status%3Aeq%3Afailed`,
        headers: { Accept: "application/json", "x-org-id": ID.org, "x-api-key": "••••" },
        purpose: "List for System",
      },
    ]);
    expect(JSON.stringify(planned)).not.toContain("super-secret-key");
  });

  it("says a list without Return All or a limit stops at JumpCloud's default page", () => {
    const guide = plan({ resource: "policyResult", operation: "listForOrganization", params: { options: { filter: ["status:ne:success"], sort: ["-timestamp"] } }, auth });
    expect(guide.notes).toContainEqual(expect.stringContaining("the first 10 records"));
    expect(plan({ resource: "policy", operation: "list", params: { returnAll: true }, auth }).notes.join(" ")).not.toContain("default page");
    expect(plan({ resource: "policy", operation: "list", params: { options: { limit: 50 } }, auth }).notes.join(" ")).not.toContain("default page");
  });

  it("plans pages for a large limit and a series for returnAll", () => {
    const big = plan({ resource: "policy", operation: "list", params: { options: { limit: 230 } }, auth });
    expect(big.requests.map((r) => new URL(r.url).search)).toEqual(["?limit=100&skip=0", "?limit=100&skip=100", "?limit=30&skip=200"]);
    const all = plan({ resource: "policyTemplate", operation: "list", params: { returnAll: true, options: { sort: ["name"] } }, auth });
    expect(all.requests).toHaveLength(1);
    expect(all.requests[0]!.url).toContain("?limit=100&skip=0&sort=name%2Cid");
    expect(all.requests[0]!.pagination).toEqual({ pageSize: 100, until: "a page returns fewer than 100 records" });
  });

  it("plans the steps of a create from a template name and of an update", () => {
    const create = plan({
      resource: "policy",
      operation: "create",
      params: { policyData: { name: "Security Compliance Policy", template: "windows_security_baseline" }, additionalFields: { xOrgId: ID.org } },
      auth,
    });
    expect(create.requests.map((r) => `${r.method} ${r.url.replace(/^https:\/\/[^/]+/, "").split("?")[0]}`)).toEqual([
      "GET /api/v2/policytemplates",
      "GET /api/v2/policytemplates/{templateId}",
      "GET /api/v2/policies",
      "POST /api/v2/policies",
    ]);
    expect(create.requests[3]!.headers["Content-Type"]).toBe("application/json");
    const update = plan({ resource: "policy", operation: "update", params: { policyId: ID.policy, policyData: { notes: "n" } }, auth });
    expect(update.requests.map((r) => r.method)).toEqual(["GET", "PUT"]);
  });

  it("masks service-account and System Context headers too", () => {
    const sa = plan({ resource: "policy", operation: "list", params: {}, auth: describeAuth("serviceAccount", { clientId: "c" }) });
    expect(sa.requests[0]!.headers.Authorization).toBe("Bearer ••••");
    expect(() => plan({ resource: "policy", operation: "list", params: {}, auth: describeAuth("systemContext", { systemId: ID.system }) })).toThrow(/System Context/);
  });

  it("copies as curl with the secret as an environment variable", () => {
    const planned = plan({ resource: "policy", operation: "get", params: { policyId: ID.policy }, auth });
    const curl = toCurl(planned.requests[0]!, jumpcloud.curlVariables);
    expect(curl).toContain(`curl -X GET 'https://console.jumpcloud.com/api/v2/policies/${ID.policy}'`);
    expect(curl).toContain('-H "x-api-key: $JUMPCLOUD_API_KEY"');
    expect(curl).not.toContain("super-secret");
  });

  it("the preview and a run send the same requests for every single-step operation example", async () => {
    for (const op of operations) {
      if (op.resource === "policy" && (op.operation === "create" || op.operation === "update")) continue;
      // A sync's writes depend on what its read returns; sync/sync.int.test.ts checks the requests of its plan.
      if (op.operation === "sync") continue;
      const params = { ...op.example, additionalFields: { xOrgId: ID.org } };
      const planned = plan({ resource: op.resource, operation: op.operation, params, auth });
      const { client, fetch } = harness(op.paginated ? pagedRecords(0) : () => json({ id: ID.policy }), { auth: apiKey });
      await client.run(op.resource, op.operation, params);
      const sent = fetch.calls.map((c) => ({ method: c.method, url: c.url, body: c.body === undefined ? undefined : JSON.parse(c.body) }));
      const expected = planned.requests.map((r) => ({ method: r.method, url: r.url, body: r.body }));
      expect(sent, `${op.resource}.${op.operation}`).toEqual(expected);
      for (const [i, call] of fetch.calls.entries()) {
        const masked = Object.fromEntries(Object.entries(call.headers).map(([k, v]) => [k, k === "x-api-key" ? "••••" : v]));
        expect(masked).toEqual(planned.requests[i]!.headers);
      }
    }
  });
});
