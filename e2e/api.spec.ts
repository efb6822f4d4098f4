// The HTTP API as a workflow engine uses it: a token from Settings, the guide's examples over HTTP, saved nodes,
// credentials without secrets, typed errors with fitting statuses, and revocation.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "./test";
import { anonymousContext, createToken, ownerId, withDb } from "./api-accounts";
import { findExample } from "../lib/nodes/examples";
import { createSimulatorCredential } from "./credentials";
import { setSimulatorOptions, simulatorInfo } from "./simulator";

// The guide's templated policy create, with the input its templates read.
const { config: GUIDE_CREATE, input: GUIDE_INPUT } = findExample("create-policy-with-templates")!;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
type ErrorBody = { error: { kind: string; message: string; path?: string } };

test.describe("HTTP API", () => {
  test("a token made in Settings runs the guide's example, reads nodes and credentials, and stops working when revoked", async ({ page, baseURL }) => {
    const info = await simulatorInfo();
    const credentialName = `API Production ${randomUUID().slice(0, 6)}`;
    await createSimulatorCredential(page, { name: credentialName, apiKey: info.keys.singleOrg });

    await page.goto("/settings");
    await page.getByRole("link", { name: /API tokens/ }).click();
    await page.getByLabel("Token name").fill("NINA engine");
    await page.getByRole("checkbox", { name: /credentials:read/ }).check();
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-api-token-value").textContent())!.trim();
    expect(token).toMatch(/^jcm_[A-Za-z0-9_-]{43}$/);
    await page.reload();
    await expect(page.getByTestId("api-token-row-NINA engine")).toContainText(token.slice(0, 10));
    await expect(page.getByText(token)).toHaveCount(0);

    const engine = await anonymousContext(baseURL!);
    const credentials = (await (await engine.get("/api/v1/credentials", { headers: bearer(token) })).json()) as Array<Record<string, unknown>>;
    const listed = credentials.find((c) => c.name === credentialName)!;
    expect(listed).toMatchObject({ authType: "apiKey", service: "jumpcloud" });
    expect(Object.keys(listed).sort()).toEqual(["authType", "description", "id", "lastTestMessage", "lastTestedAt", "name", "service", "status"]);

    const executed = await engine.post("/api/v1/nodes/execute", { headers: bearer(token), data: { node: { ...GUIDE_CREATE, credential: credentialName }, input: GUIDE_INPUT } });
    expect(executed.status()).toBe(200);
    const result = (await executed.json()) as { items: Array<{ name: string }>; meta: { runId: string; requests: number } };
    expect(result.items[0]!.name).toBe("Production Security Baseline - Engineering");
    const run = await withDb(async (db) => (await db.query(`select via, status from "Run" where id = $1`, [result.meta.runId])).rows[0]);
    expect(run).toEqual({ via: "api", status: "success" });

    const preview = (await (await engine.post("/api/v1/nodes/preview", { headers: bearer(token), data: { node: { ...GUIDE_CREATE, credential: credentialName }, input: GUIDE_INPUT } })).json()) as {
      parameters: { policyData: { name: string } };
      requests: Array<{ method: string; headers: Record<string, string> }>;
    };
    expect(preview.parameters.policyData.name).toBe("Production Security Baseline - Engineering");
    expect(preview.requests.at(-1)!.method).toBe("POST");
    expect(preview.requests[0]!.headers["x-api-key"]).toBe("••••");

    const credentialId = listed.id as string;
    const nodeId = randomUUID();
    await withDb((db) =>
      db.query(
        `insert into "NodeConfig" (id, name, "integrationService", resource, operation, parameters, "credentialId", "updatedAt") values ($1, $2, 'jumpcloud', 'policyTemplate', 'list', $3, $4, now())`,
        [nodeId, `Templates ${nodeId.slice(0, 6)}`, JSON.stringify({ returnAll: true, options: { sort: ["name"] } }), credentialId],
      ),
    );
    const nodes = (await (await engine.get("/api/v1/nodes", { headers: bearer(token) })).json()) as Array<{ id: string; credential: { name: string } }>;
    expect(nodes.find((n) => n.id === nodeId)?.credential.name).toBe(credentialName);
    const node = (await (await engine.get(`/api/v1/nodes/${nodeId}`, { headers: bearer(token) })).json()) as { config: { resource: string } };
    expect(node.config.resource).toBe("policyTemplate");
    const saved = (await (await engine.post("/api/v1/nodes/execute", { headers: bearer(token), data: { nodeId, input: {} } })).json()) as { items: unknown[] };
    expect(saved.items.length).toBeGreaterThan(1);

    const tested = (await (await engine.post(`/api/v1/credentials/${credentialId}/test`, { headers: bearer(token) })).json()) as { ok: boolean };
    expect(tested.ok).toBe(true);

    page.on("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Revoke NINA engine" }).click();
    await expect(page.getByTestId("api-token-row-NINA engine")).toContainText("Revoked");
    const refused = await engine.get("/api/v1/nodes", { headers: bearer(token) });
    expect(refused.status()).toBe(401);
    const audit = await withDb(async (db) => (await db.query(`select action from "AuditEvent" where action like 'api_token.%'`)).rows.map((r: { action: string }) => r.action));
    expect(audit).toEqual(expect.arrayContaining(["api_token.created", "api_token.revoked", "api_token.auth_failed"]));
    await engine.dispose();
  });

  test.describe("typed errors", () => {
    let engine: APIRequestContext;
    let token: string;
    let credential: string;
    let revokedKeyCredential: string;

    test.beforeAll(async ({ browser, baseURL }) => {
      const info = await simulatorInfo();
      const page = await browser.newPage({ storageState: "test-results/.auth/owner.json", baseURL });
      credential = `Errors ${randomUUID().slice(0, 6)}`;
      revokedKeyCredential = `Revoked ${randomUUID().slice(0, 6)}`;
      await createSimulatorCredential(page, { name: credential, apiKey: info.keys.singleOrg });
      await createSimulatorCredential(page, { name: revokedKeyCredential, apiKey: info.keys.revoked });
      await page.close();
      token = await createToken(await ownerId(), ["nodes:run", "nodes:read"]);
      engine = await anonymousContext(baseURL!);
    });
    test.afterAll(async () => {
      await setSimulatorOptions({ faultRate: 0 });
      await engine.dispose();
    });

    const node = (resource: string, operation: string, parameters: Record<string, unknown>, cred = () => credential) => ({
      node: { integration_service: "jumpcloud", resource, operation, parameters, credential: cred() },
    });
    async function expectError(data: unknown, status: number, kind: string, options: { path?: string; headers?: Record<string, string>; raw?: string } = {}) {
      const response = await engine.post("/api/v1/nodes/execute", {
        headers: { ...bearer(token), ...(options.raw === undefined ? {} : { "Content-Type": "application/json" }), ...options.headers },
        data: options.raw === undefined ? data : Buffer.from(options.raw),
      });
      const body = (await response.json()) as ErrorBody;
      expect({ status: response.status(), kind: body.error.kind }).toEqual({ status, kind });
      expect(body.error.message.length).toBeGreaterThan(10);
      if (options.path) expect(body.error.path).toBe(options.path);
      return body;
    }

    test("the guide's compliance examples return 200 with the warnings that say what the items mean", async () => {
      const execute = async (data: unknown) => {
        const response = await engine.post("/api/v1/nodes/execute", { headers: bearer(token), data });
        expect(response.status()).toBe(200);
        return (await response.json()) as { items: unknown[]; meta: { runId: string; warnings: Array<{ code: string; path: string; fix?: { value: unknown } }> } };
      };
      const org = await execute(node("policyResult", "listForOrganization", { options: { filter: ["status:ne:success"], sort: ["-timestamp"] } }));
      expect(org.items).toHaveLength(10);
      expect(org.meta.warnings.map((w) => [w.code, w.path, w.fix?.value])).toEqual([
        ["unknownField", "options.filter[0]", "state:ne:success"],
        ["unknownField", "options.sort[0]", "-startedAt"],
        ["moreRecords", "returnAll", undefined],
      ]);
      const stored = await withDb(async (db) => (await db.query(`select warnings from "Run" where id = $1`, [org.meta.runId])).rows[0] as { warnings: unknown });
      expect(stored.warnings).toEqual(org.meta.warnings);

      const info = await simulatorInfo();
      const system = await execute({
        ...node("policyStatus", "listForSystem", { systemId: "{{system_id}}", options: { filter: ["status:eq:failed"], limit: 50 } }),
        input: { system_id: info.systems[0]!.id, compliance_check: { date_range: "last_week", status_filter: "failed" } },
      });
      expect(system.items).toEqual([]);
      expect(system.meta.warnings.map((w) => w.code)).toEqual(["unknownField"]);

      const strict = await engine.post("/api/v1/nodes/execute", { headers: bearer(token), data: node("policyResult", "listForOrganization", { options: { filter: ["status:ne:success"], strict: true } }) });
      expect(strict.status()).toBe(400);
      expect(((await strict.json()) as ErrorBody).error).toMatchObject({ kind: "invalidConfig", path: "options.filter[0]" });
    });

    test("the caller's mistakes are 400, 404, 413 and 415 naming the problem", async () => {
      await expectError(node("policy", "get", {}), 400, "invalidConfig", { path: "policyId" });
      const template = await expectError({ ...node("policy", "get", { policyId: "{{ upstream.id }}" }), input: { other: 1 } }, 400, "invalidConfig");
      expect(template.error.message).toContain("upstream");
      await expectError(node("policy", "get", { policyId: "5f4d7c8e9a1b2c3d4e5f6789" }, () => "No such credential"), 404, "credentialNotFound", { path: "credential" });
      await expectError({ nodeId: "no-such-node" }, 404, "notFound");
      await expectError(node("policy", "get", { policyId: "5f4d7c8e9a1b2c3d4e5f6789" }), 404, "policyNotFound");
      await expectError(undefined, 400, "invalidJson", { raw: '{"node": {' });
      await expectError(undefined, 415, "unsupportedMediaType", { raw: "node=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
      await expectError(undefined, 413, "payloadTooLarge", { raw: JSON.stringify({ input: "x".repeat(5 * 1024 * 1024 + 10) }) });
    });

    test("JumpCloud's refusals and outages are 422, 429 and 502", async () => {
      await expectError(node("policy", "list", {}, () => revokedKeyCredential), 422, "authenticationFailed");
      await setSimulatorOptions({ faultRate: 1, faultKinds: ["429"] });
      await expectError(node("policy", "list", {}), 429, "rateLimited");
      await setSimulatorOptions({ faultRate: 1, faultKinds: ["502"] });
      await expectError(node("policy", "list", {}), 502, "unavailable");
      await setSimulatorOptions({ faultRate: 0 });
    });
  });

  test("the OpenAPI description is public and the reference page is linked from Settings", async ({ page, baseURL }) => {
    const anonymous = await anonymousContext(baseURL!);
    const doc = (await (await anonymous.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/v1/nodes/execute");
    await anonymous.dispose();
    await page.goto("/settings");
    await page.getByRole("link", { name: /API reference/ }).click();
    await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
    await expect(page.getByTestId("endpoint-executeNode")).toContainText("/api/v1/nodes/execute");
  });
});
