import { describe, expect, it } from "vitest";
import { json } from "./testing/fake-fetch";
import { harness, ID } from "./testing/client-harness";
import { rejection } from "@/lib/testing/rejection";

const getPolicy = { policyId: ID.policy };

describe("retries", () => {
  it.each([429, 502, 503, 504])("retries HTTP %i and then succeeds", async (status) => {
    const { client, fetch } = harness((_, i) => (i < 2 ? json({ message: "busy" }, status) : json({ id: ID.policy })));
    const result = await client.run("policy", "get", getPolicy);
    expect(result.items).toEqual([{ id: ID.policy }]);
    expect(fetch.calls).toHaveLength(3);
    expect(result.meta.requests).toBe(3);
  });

  it("retries network errors", async () => {
    const { client, fetch } = harness((_, i) => (i === 0 ? new TypeError("fetch failed") : json({ id: ID.policy })));
    await client.run("policy", "get", getPolicy);
    expect(fetch.calls).toHaveLength(2);
  });

  it("honours Retry-After in seconds and as an HTTP date, capped", async () => {
    const date = new Date(Date.now() + 3000).toUTCString();
    const answers = [
      json({}, 429, { "retry-after": "2" }),
      json({}, 429, { "retry-after": date }),
      json({}, 503, { "retry-after": "86400" }),
      json({ id: ID.policy }),
    ];
    const { client, sleeps } = harness((_, i) => answers[i]!, { retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 10_000 } });
    await client.run("policy", "get", getPolicy);
    expect(sleeps[0]).toBe(2000);
    expect(sleeps[1]).toBeGreaterThan(1500);
    expect(sleeps[1]).toBeLessThanOrEqual(3000);
    expect(sleeps[2]).toBe(10_000);
  });

  it("backs off exponentially between attempts and gives up with a typed error", async () => {
    const { client, fetch, sleeps } = harness(() => json({ message: "Service Unavailable" }, 503), {
      retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 10_000 },
    });
    const error = await rejection(client.run("policy", "get", getPolicy));
    expect(error.kind).toBe("unavailable");
    expect(error.upstreamStatus).toBe(503);
    expect(error.message).toContain("Service Unavailable");
    expect(fetch.calls).toHaveLength(4);
    expect(sleeps).toEqual([75, 150, 300]);
  });

  it("gives up on rate limiting with the rateLimited kind and the guide's advice", async () => {
    const { client } = harness(() => json({ message: "Too Many Requests" }, 429));
    const error = await rejection(client.run("policy", "list", {}));
    expect(error.kind).toBe("rateLimited");
    expect(error.guidance).toContain("rate limits");
  });

  it.each([
    [400, { message: "Bad Request: nope" }, "badRequest"],
    [401, { message: "Unauthorized", error: "Unauthorized" }, "authenticationFailed"],
    [401, { message: "Unauthorized: no organization selected" }, "orgIdRequired"],
    [403, { message: "Forbidden" }, "permissionDenied"],
    [404, { code: 404, message: "Organization ID Not Found" }, "orgIdInvalid"],
    [404, { message: "Not Found" }, "policyNotFound"],
    [409, { message: "exists" }, "conflict"],
  ] as const)("does not retry HTTP %i and maps it (%j) to %s", async (status, body, kind) => {
    const { client, fetch } = harness(() => json(body, status));
    const error = await rejection(client.run("policy", "get", getPolicy));
    expect(error.kind).toBe(kind);
    expect(error.upstreamStatus).toBe(status);
    expect(fetch.calls).toHaveLength(1);
  });

  it("maps a 404 to the object the operation is about", async () => {
    const { client } = harness(() => json({ message: "Not Found" }, 404));
    expect((await rejection(client.run("policyStatus", "listForSystem", { systemId: ID.system }))).kind).toBe("systemNotFound");
    expect((await rejection(client.run("policyTemplate", "get", { id: ID.template }))).kind).toBe("templateNotFound");
    expect((await rejection(client.run("policyTraversal", "getSystems", { policyId: ID.policy }))).kind).toBe("policyNotFound");
  });

  it("reads error bodies as message, then error, then raw text", async () => {
    const bodies = [
      new Response(JSON.stringify({ message: "from message", error: "from error" }), { status: 400 }),
      new Response(JSON.stringify({ error: "from error" }), { status: 400 }),
      new Response("<html>plain gateway text</html>", { status: 400 }),
    ];
    const { client } = harness((_, i) => bodies[i]!);
    expect((await rejection(client.run("policy", "get", getPolicy))).message).toContain("from message");
    expect((await rejection(client.run("policy", "get", getPolicy))).message).toContain("from error");
    expect((await rejection(client.run("policy", "get", getPolicy))).message).toContain("plain gateway text");
  });
});

describe("timeouts and cancellation", () => {
  it("times out every attempt and reports a timeout", async () => {
    const { client, fetch } = harness(() => "hang", { timeoutMs: 20, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const error = await rejection(client.run("policy", "get", getPolicy));
    expect(error.kind).toBe("timeout");
    expect(fetch.calls).toHaveLength(2);
  });

  it("cancels a returnAll and aborts every page still in flight", async () => {
    const controller = new AbortController();
    let started = 0;
    const { client, fetch } = harness(
      () => {
        started++;
        if (started === 1) return json(Array.from({ length: 100 }, (_, i) => ({ id: `a${i}` })));
        if (started === 3) setTimeout(() => controller.abort(), 5);
        return "hang";
      },
      { concurrency: 4 },
    );
    const error = await rejection(client.run("policyResult", "listForOrganization", { returnAll: true }, { signal: controller.signal }));
    expect(error.kind).toBe("cancelled");
    expect(fetch.calls.length).toBeGreaterThan(1);
    expect(fetch.calls.slice(1).every((call) => call.signal?.aborted)).toBe(true);
    const count = fetch.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetch.calls.length).toBe(count);
  });

  it("refuses to start when the signal is already aborted", async () => {
    const { client, fetch } = harness(() => json([]));
    const controller = new AbortController();
    controller.abort();
    expect((await rejection(client.run("policy", "list", {}, { signal: controller.signal }))).kind).toBe("cancelled");
    expect(fetch.calls).toHaveLength(0);
  });
});

describe("outbound hosts", () => {
  it("talks to the region's console and never follows redirects", async () => {
    const { client, fetch } = harness(() => new Response(null, { status: 302, headers: { location: "https://evil.example/steal" } }), {
      connection: { region: "eu" },
    });
    const error = await rejection(client.run("policy", "get", getPolicy));
    expect(error.kind).toBe("hostNotAllowed");
    expect(error.message).toContain("https://evil.example");
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]!.url.startsWith("https://console.eu.jumpcloud.com/api/v2/policies/")).toBe(true);
    expect(fetch.calls[0]!.redirect).toBe("manual");
  });

  it("uses the IN console and defaults to US", async () => {
    const a = harness(() => json([]), { connection: { region: "in" } });
    await a.client.run("policy", "list", {});
    expect(a.fetch.calls[0]!.url).toBe("https://console.in.jumpcloud.com/api/v2/policies");
    const b = harness(() => json([]));
    await b.client.run("policy", "list", {});
    expect(b.fetch.calls[0]!.url).toBe("https://console.jumpcloud.com/api/v2/policies");
  });

  it("refuses a custom base URL unless the caller's allow-list has it, before any request", async () => {
    const refused = harness(() => json([]), { connection: { region: "us", baseUrl: "http://169.254.169.254" } });
    expect((await rejection(refused.client.run("policy", "list", {}))).kind).toBe("hostNotAllowed");
    const test = await refused.client.testConnection();
    expect(test.ok).toBe(false);
    expect(!test.ok && test.error.kind).toBe("hostNotAllowed");
    expect(refused.fetch.calls).toHaveLength(0);

    const allowed = harness(() => json([]), { connection: { region: "us", baseUrl: "http://127.0.0.1:4010/" }, allowedOrigins: ["http://127.0.0.1:4010"] });
    await allowed.client.run("policy", "list", {});
    expect(allowed.fetch.calls[0]!.url).toBe("http://127.0.0.1:4010/api/v2/policies");
  });
});

describe("writes that must not be repeated blindly", () => {
  const template = { id: ID.template, name: "lock_screen_windows", configFields: [{ id: ID.field1, name: "timeout", defaultValue: 600 }] };

  function createHandler(postAnswers: Array<Response | Error>, createdAfterFailure: boolean) {
    let posts = 0;
    return (request: { method: string; path: string }) => {
      if (request.path.startsWith(`/api/v2/policytemplates/${ID.template}`)) return json(template);
      if (request.method === "GET" && request.path.startsWith("/api/v2/policies?")) {
        return json(posts > 0 && createdAfterFailure ? [{ id: ID.policy, name: "P" }] : []);
      }
      if (request.method === "GET" && request.path === `/api/v2/policies/${ID.policy}`) return json({ id: ID.policy, name: "P", recovered: true });
      if (request.method === "POST") return postAnswers[posts++] ?? json({ id: ID.policy, name: "P" }, 201);
      return json({ message: "unexpected" }, 500);
    };
  }

  it("after an ambiguous failure of POST /policies finds the created policy by name instead of posting again", async () => {
    const { client, fetch } = harness(createHandler([json({}, 502)], true));
    const result = await client.run("policy", "create", { policyData: { name: "P", template: ID.template } });
    expect(result.items).toEqual([{ id: ID.policy, name: "P", recovered: true }]);
    expect(fetch.calls.filter((c) => c.method === "POST")).toHaveLength(1);
    expect(fetch.calls.filter((c) => c.path.includes("filter=name%3Aeq%3AP"))).toHaveLength(2);
  });

  it("posts again when the lookup shows the policy was not created", async () => {
    const { client, fetch } = harness(createHandler([new TypeError("fetch failed")], false));
    await client.run("policy", "create", { policyData: { name: "P", template: ID.template } });
    expect(fetch.calls.filter((c) => c.method === "POST")).toHaveLength(2);
  });

  it("retries a 429 on create straight away: JumpCloud refused it before doing anything", async () => {
    const { client, fetch } = harness(createHandler([json({}, 429)], false));
    await client.run("policy", "create", { policyData: { name: "P", template: ID.template } });
    expect(fetch.calls.filter((c) => c.method === "POST")).toHaveLength(2);
    expect(fetch.calls.filter((c) => c.path.includes("filter=name"))).toHaveLength(1);
  });

  it("does not take a same-named policy that existed before the create for its own", async () => {
    const { client, fetch } = harness((request) => {
      if (request.path.startsWith("/api/v2/policytemplates/")) return json(template);
      if (request.method === "GET") return json([{ id: ID.policy, name: "P" }]);
      return fetch.calls.filter((c) => c.method === "POST").length === 1 ? json({}, 504) : json({ id: "new" }, 201);
    });
    const result = await client.run("policy", "create", { policyData: { name: "P", template: ID.template } });
    expect(result.items).toEqual([{ id: "new" }]);
  });

  it("retries association changes; a 409 on the repeat means the first add landed", async () => {
    const answers = [json({}, 503), json({ message: "already exists" }, 409)];
    const { client, fetch } = harness((_, i) => answers[i]!);
    const result = await client.run("policyAssociation", "manage", {
      policyId: ID.policy,
      associationData: { op: "add", type: "system", id: ID.system },
    });
    expect(result.items).toEqual([{ policyId: ID.policy, op: "add", type: "system", id: ID.system, success: true }]);
    expect(fetch.calls).toHaveLength(2);
    expect(JSON.parse(fetch.calls[0]!.body!)).toEqual({ op: "add", type: "system", id: ID.system });
  });

  it("a 409 on the first association attempt is a real conflict", async () => {
    const { client } = harness(() => json({ message: "already exists" }, 409));
    const error = await rejection(client.run("policyAssociation", "manage", { policyId: ID.policy, associationData: { op: "add", type: "system", id: ID.system } }));
    expect(error.kind).toBe("conflict");
  });

  it("a DELETE retried after a gateway error that then finds nothing has succeeded", async () => {
    const answers = [json({}, 504), json({ message: "Not Found" }, 404)];
    const { client } = harness((_, i) => answers[i]!);
    const result = await client.run("policy", "delete", { policyId: ID.policy });
    expect(result.items).toEqual([{ id: ID.policy, deleted: true }]);
  });
});
