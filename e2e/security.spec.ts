// The product under hostile input, faults and prying: bad requests get clear 4xx errors and change nothing,
// a canary secret never leaves the ciphertext, faults do not duplicate or lose records, a database outage
// heals without a restart, and no credential or redirect can make the server call another host.
import { randomUUID } from "node:crypto";
import { withRawParameters } from "../lib/integrations/jumpcloud/testing/raw-client";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "./test";
import { createJumpCloudClient } from "../lib/integrations/jumpcloud/client";
import { APP_OUTPUT_FILE, OWNER_STATE } from "../playwright.config";
import { anonymousContext, createToken, ownerId, rowCounts, withDb } from "./api-accounts";
import { createSimulatorCredential, fillApiKeyCredential } from "./credentials";
import { hostileCases } from "./security-corpus";
import { setSimulatorOptions, simulatorInfo } from "./simulator";

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
type ErrorBody = { error: { kind: string; message: string; path?: string } };

let engine: APIRequestContext;
let token: string;

test.beforeAll(async ({ baseURL }) => {
  engine = await anonymousContext(baseURL!);
  token = await createToken(await ownerId(), ["nodes:run", "nodes:read", "credentials:read"]);
});
test.afterAll(async () => {
  await setSimulatorOptions({ faultRate: 0, latencyMs: 0, timeoutMs: 30_000 });
  await engine.dispose();
});

async function execute(data: unknown): Promise<APIResponse> {
  return engine.post("/api/v1/nodes/execute", { headers: bearer(token), data, timeout: 120_000 });
}

test("a hostile corpus of configs, inputs and bodies gets clear 4xx errors, no crash and no write", async () => {
  test.setTimeout(180_000);
  const cases = hostileCases();
  const before = await rowCounts();
  const runsBefore = await withDb(async (db) => Number((await db.query(`select count(*) from "Run" where status = 'success'`)).rows[0].count));
  let tried = 0;
  for (const hostile of cases) {
    for (const endpoint of ["/api/v1/nodes/execute", "/api/v1/nodes/preview"]) {
      const response = await engine.post(endpoint, {
        headers: { ...bearer(token), "Content-Type": hostile.contentType ?? "application/json" },
        data: hostile.raw === undefined ? Buffer.from(JSON.stringify(hostile.body)) : Buffer.from(hostile.raw),
      });
      tried += 1;
      const where = `${endpoint} ${hostile.name}: HTTP ${response.status()}`;
      expect(response.status(), where).toBeGreaterThanOrEqual(400);
      expect(response.status(), where).toBeLessThan(500);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.kind, where).toMatch(/^\w+$/);
      expect(body.error.message.length, where).toBeGreaterThan(10);
      expect(body.error.message.length, where).toBeLessThan(2_000);
    }
  }
  console.log(`hostile cases tried: ${tried} (${cases.length} bodies x execute and preview)`);
  const after = await rowCounts();
  // Failed runs are recorded as failed runs; nothing else may appear, and nothing may succeed.
  expect({ ...after, Run: 0 }).toEqual({ ...before, Run: 0 });
  const runsAfter = await withDb(async (db) => Number((await db.query(`select count(*) from "Run" where status = 'success'`)).rows[0].count));
  expect(runsAfter).toBe(runsBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((await engine.get("/api/health")).status()).toBe(200);
});

test("a canary API key never appears in a response, a header, the server's output or any column but the ciphertext", async ({ page }) => {
  const canary = (await simulatorInfo()).keys.singleOrg;
  const seen: string[] = [];
  page.on("response", async (response) => {
    seen.push(JSON.stringify(response.headers()));
    seen.push(await response.text().catch(() => ""));
  });
  const record = async (response: APIResponse) => {
    seen.push(JSON.stringify(response.headers()), await response.text());
    return response;
  };

  // Every flow the key goes through: create, test (form, saved, API), run, fail, audit, API reads.
  const name = `Canary ${randomUUID().slice(0, 6)}`;
  await fillApiKeyCredential(page, { name, apiKey: canary });
  await page.getByRole("button", { name: /Test connection/i }).first().click();
  await expect(page.getByText(/Connected/).first()).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId(`credential-row-${name}`)).toBeVisible();
  await page.getByRole("button", { name: `Test connection of ${name}` }).click();
  await expect(page.getByTestId(`credential-row-${name}`)).toContainText(/Connected|OK|ok/);

  const credentials = (await (await record(await engine.get("/api/v1/credentials", { headers: bearer(token) }))).json()) as Array<{ id: string; name: string }>;
  const id = credentials.find((c) => c.name === name)!.id;
  await record(await engine.post(`/api/v1/credentials/${id}/test`, { headers: bearer(token) }));
  const run = { integration_service: "jumpcloud", resource: "policy", operation: "list", parameters: { options: { limit: 5 } }, credential: name };
  expect((await record(await execute({ node: run }))).status()).toBe(200);
  const missing = { ...run, operation: "get", parameters: { policyId: "5f4d7c8e9a1b2c3d4e5f6789" } };
  expect((await record(await execute({ node: missing }))).status()).toBe(404);
  await record(await engine.post("/api/v1/nodes/preview", { headers: bearer(token), data: { node: run } }));
  await setSimulatorOptions({ faultRate: 1, faultKinds: ["503"] });
  expect((await record(await execute({ node: run }))).status()).toBe(502);
  await setSimulatorOptions({ faultRate: 0 });
  await page.goto("/settings/audit");
  await page.goto("/runs");
  await page.goto("/credentials");

  const forms = [
    canary,
    Buffer.from(canary).toString("base64"),
    Buffer.from(canary).toString("base64url"),
    Buffer.from(canary).toString("hex"),
    encodeURIComponent(canary),
    canary.slice(6, 30),
  ];
  const scan = (where: string, text: string) => {
    for (const form of forms) expect(text.includes(form), `${where} contains the canary (${form.slice(0, 8)}…)`).toBe(false);
  };
  scan("a response", seen.join("\n"));
  expect(existsSync(APP_OUTPUT_FILE), `the app's output is captured in ${APP_OUTPUT_FILE}`).toBe(true);
  scan("the server output", readFileSync(APP_OUTPUT_FILE, "utf8"));

  const dump = await withDb(async (db) => {
    const tables = (await db.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public'`)).rows;
    const texts: string[] = [];
    for (const { table_name: table } of tables) {
      const rows = await db.query<{ row: string }>(`select (to_jsonb(t) - 'secretEnvelope')::text as row from "${table}" t`);
      texts.push(...rows.rows.map((r) => `${table}: ${r.row}`));
    }
    return texts;
  });
  expect(dump.some((row) => row.includes(name))).toBe(true);
  scan("the database", dump.join("\n"));
});

test("with a fifth of requests failing, lists stay complete and duplicate-free and a create happens once", async ({ browser }) => {
  test.setTimeout(240_000);
  const credential = `Faults ${randomUUID().slice(0, 6)}`;
  const info = await simulatorInfo();
  const results = { integration_service: "jumpcloud", resource: "policyResult", operation: "listForOrganization", parameters: { returnAll: true } };
  const ids = async () => {
    const response = await execute({ node: { ...results, credential } });
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { items: Array<{ id: string }> }).items.map((p) => p.id);
  };
  await saveCredential(browser, credential, info.keys.singleOrg);

  const clean = await ids();
  expect(clean.length).toBeGreaterThan(200);
  await setSimulatorOptions({ faultRate: 0.2, faultKinds: ["429", "502", "503", "timeout"], timeoutMs: 300, timeoutMode: "drop" });
  const faulted = await ids();
  expect(new Set(faulted).size).toBe(faulted.length);
  expect([...faulted].sort()).toEqual([...clean].sort());

  const policyName = `Fault create ${randomUUID().slice(0, 8)}`;
  const create = await execute({ node: { integration_service: "jumpcloud", resource: "policy", operation: "create", parameters: { policyData: { name: policyName, template: "windows_security_baseline" } }, credential } });
  await setSimulatorOptions({ faultRate: 0 });
  const named = await execute({ node: { integration_service: "jumpcloud", resource: "policy", operation: "list", parameters: { returnAll: true, options: { filter: [`name:eq:${policyName}`] } }, credential } });
  const matches = ((await named.json()) as { items: unknown[] }).items;
  // A create that reported success exists exactly once; one that gave up after retries exists at most once.
  if (create.status() === 200) expect(matches).toHaveLength(1);
  else expect(matches.length).toBeLessThanOrEqual(1);
});

test("when the database drops the app's connections mid-traffic, requests fail cleanly and the app recovers by itself", async ({ browser }) => {
  test.setTimeout(120_000);
  const credential = `Outage ${randomUUID().slice(0, 6)}`;
  await saveCredential(browser, credential, (await simulatorInfo()).keys.singleOrg);
  const node = { integration_service: "jumpcloud", resource: "policy", operation: "list", parameters: { options: { limit: 5 } }, credential };
  await setSimulatorOptions({ latencyMs: 150 });
  // Not a cluster restart: pg_terminate_backend on the test database only, which is what a Postgres restart
  // looks like to the app (every pooled connection dies), without disturbing other databases on the server.
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  const terminate = () =>
    withDb((db) => db.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [database]));
  const inFlight = Array.from({ length: 12 }, (_, i) => new Promise((resolve) => setTimeout(resolve, i * 40)).then(() => execute({ node })));
  await new Promise((resolve) => setTimeout(resolve, 120));
  await terminate();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await terminate();
  const statuses = await Promise.all(
    inFlight.map(async (pending) => {
      const response = await pending;
      const body = (await response.json()) as ErrorBody | { items: unknown[] };
      if (response.status() !== 200) expect("error" in body && body.error.message.length > 0).toBe(true);
      return response.status();
    }),
  );
  for (const status of statuses) expect([200, 503]).toContain(status);
  await setSimulatorOptions({ latencyMs: 0 });
  await expect(async () => expect((await engine.get("/api/health")).status()).toBe(200)).toPass({ timeout: 15_000 });
  const after = await execute({ node });
  expect(after.status()).toBe(200);
});

/** Saves an API-key credential on the simulator through the Credentials page, as the owner. */
async function saveCredential(browser: Browser, name: string, apiKey: string): Promise<void> {
  const page = await browser.newPage({ storageState: OWNER_STATE, baseURL: test.info().project.use.baseURL });
  await createSimulatorCredential(page, { name, apiKey });
  await page.close();
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; origin: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits += 1;
    handler(req, res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits })),
  );
}

test("no credential can make the server call a host outside the allow-list", async ({ browser }) => {
  test.setTimeout(120_000);
  const bystander = await listen((_req, res) => res.end("{}"));
  const targets = [bystander.origin, "http://169.254.169.254", "http://10.0.0.1", "http://[::1]:22", "http://127.0.0.1:4100@evil.example"];
  const key = (await simulatorInfo()).keys.singleOrg;

  // At save: the form refuses every host outside the allow-list, naming the field.
  const page = await browser.newPage({ storageState: OWNER_STATE, baseURL: test.info().project.use.baseURL });
  for (const target of targets) {
    await fillApiKeyCredential(page, { name: `SSRF ${randomUUID().slice(0, 6)}`, apiKey: key });
    await page.getByLabel("Custom Base URL (optional)").fill(target);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("credential-error"), target).toContainText(/not allowed|must be a URL/);
    await expect(page).toHaveURL(/\/credentials\/new$/);
  }
  await page.close();

  // At use: a saved credential whose base URL is changed behind the app's back (or an allow-list that shrank)
  // is refused before any request.
  const name = `SSRF ${randomUUID().slice(0, 6)}`;
  await saveCredential(browser, name, key);
  const credentials = (await (await engine.get("/api/v1/credentials", { headers: bearer(token) })).json()) as Array<{ id: string; name: string }>;
  const saved = credentials.find((c) => c.name === name)!;
  for (const target of targets.slice(0, 3)) {
    await withDb((db) => db.query(`update "Credential" set settings = jsonb_set(settings, '{baseUrl}', to_jsonb($1::text)) where id = $2`, [target, saved.id]));
    const started = Date.now();
    const run = await execute({ node: { integration_service: "jumpcloud", resource: "policy", operation: "list", parameters: {}, credential: name } });
    const body = (await run.json()) as ErrorBody;
    expect({ target, status: run.status(), kind: body.error.kind }).toEqual({ target, status: 422, kind: "hostNotAllowed" });
    const tested = (await (await engine.post(`/api/v1/credentials/${saved.id}/test`, { headers: bearer(token) })).json()) as { ok: boolean; kind?: string };
    expect(tested).toMatchObject({ ok: false, kind: "hostNotAllowed" });
    // A real attempt at 10.0.0.1 or 169.254.169.254 would hang until the timeout; the refusal is immediate.
    expect(Date.now() - started).toBeLessThan(3_000);
  }
  expect(bystander.hits()).toBe(0);
  bystander.server.close();
});

test("the JumpCloud client refuses to follow a redirect from an allowed host to another loopback port", async () => {
  const target = await listen((_req, res) => res.end("[]"));
  const redirector = await listen((req, res) => {
    res.writeHead(302, { location: `${target.origin}${req.url}` });
    res.end();
  });
  const client = withRawParameters(createJumpCloudClient({ auth: { type: "apiKey", apiKey: "redirect-test-key" }, connection: { region: "us", baseUrl: redirector.origin }, allowedOrigins: [redirector.origin] }));
  const error = (await client.run("policy", "list", {}).catch((e: unknown) => e)) as { kind?: string; message?: string };
  expect(error.kind).toBeDefined();
  expect(error.message).toMatch(/redirect/i);
  expect(error.message).not.toContain("redirect-test-key");
  expect(redirector.hits()).toBeGreaterThan(0);
  expect(target.hits()).toBe(0);
  redirector.server.close();
  target.server.close();
});
