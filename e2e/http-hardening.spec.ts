// The HTTP surface: a nonce-based Content-Security-Policy that every page (CodeMirror included) runs under
// without a single violation, server-action bodies too deep to decode refused with a 4xx, and cookie-
// authenticated route handlers closed to forms on other origins.
import { randomUUID } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "./test";
import { APP_OUTPUT_FILE, OWNER_STATE } from "../playwright.config";
import { anonymousContext, createToken, createUser, ownerId, signedInContext, withDb } from "./api-accounts";
import { createSimulatorCredential } from "./credentials";
import { collectCspViolations } from "./csp-violations";
import { actionIds } from "./server-actions";
import { simulatorInfo } from "./simulator";

/** Saves a simulator credential through the UI and returns its id (from its Edit link). */
async function savedCredential(page: Page, prefix: string): Promise<{ name: string; id: string }> {
  const name = `${prefix} ${randomUUID().slice(0, 6)}`;
  await createSimulatorCredential(page, { name, apiKey: (await simulatorInfo()).keys.singleOrg });
  const href = await page.getByRole("link", { name: `Edit ${name}` }).getAttribute("href");
  return { name, id: href!.split("/").pop()! };
}

test.describe("content security policy", () => {
  test("every page runs under the policy with no violation: forms, CodeMirror, the live preview, a run's result table", async ({ browser, baseURL, failures }) => {
    test.setTimeout(240_000);
    // The error pages are visited on purpose: a missing page, setup once an owner exists, a viewer's 403.
    failures.allow({ status: 404, url: "/no-such-page" }, { status: 404, url: "/setup" }, { status: 403, url: "/settings/users" });
    const context = await browser.newContext({ storageState: OWNER_STATE });
    const violations = await collectCspViolations(context);
    const page = await context.newPage();
    const unprotected: string[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "document") return;
      const policy = response.headers()["content-security-policy"] ?? "";
      if (!/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/.test(policy)) unprotected.push(response.url());
    });

    // Something to look at: a credential, a node edited in the JSON tab (CodeMirror) and run (result table).
    const credential = await savedCredential(page, "CSP");
    await page.goto("/node-builder/new");
    await page.getByLabel("Credential").selectOption({ label: `${credential.name} · API Key` });
    await page.getByRole("tab", { name: "JSON" }).click();
    const editor = page.getByTestId("config-editor");
    await editor.fill(JSON.stringify({ integration_service: "jumpcloud", resource: "policyTemplate", operation: "list", parameters: { returnAll: true } }, null, 2));
    await expect(page.getByTestId("resolved-parameters")).toContainText("returnAll");
    // CodeMirror's own styles applied (they arrive in <style> elements carrying the nonce): the gutter is laid out.
    await expect(page.locator(".cm-gutters").first()).toHaveCSS("display", "flex");
    await page.getByLabel("Node name").fill(`CSP node ${randomUUID().slice(0, 6)}`);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(/\/node-builder\/(?!new$)[a-z0-9]+$/);
    const nodePath = new URL(page.url()).pathname;
    await page.getByRole("button", { name: "Run node" }).click();
    await expect(page.getByTestId("run-success")).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("items-table")).toBeVisible();
    const runPath = await page.getByTestId("run-success").getByRole("link").first().getAttribute("href");

    const paths = [
      "/credentials",
      "/credentials/new",
      `/credentials/${credential.id}`,
      "/node-builder",
      nodePath,
      "/runs",
      "/baselines",
      runPath!,
      "/settings",
      "/settings/users",
      "/settings/api-tokens",
      "/settings/audit",
      "/settings/alerts",
      "/api-reference",
      "/change-password",
      "/no-such-page",
    ];
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    await page.goto(nodePath);
    await page.getByRole("tab", { name: "JSON" }).click();
    await expect(page.getByTestId("config-editor")).toContainText("policyTemplate");

    // Signed out, and as a viewer meeting the 403 page.
    const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    violations.push(...(await visitAll(anonymous, ["/sign-in", "/setup", "/credentials"])));
    const viewer = await createUser("viewer", "csp");
    const viewerSession = await signedInContext(baseURL!, viewer);
    const viewerContext = await browser.newContext({ storageState: await viewerSession.storageState() });
    await viewerSession.dispose();
    violations.push(...(await visitAll(viewerContext, ["/settings/users", "/runs"])));

    expect(unprotected).toEqual([]);
    expect(violations).toEqual([]);
    await Promise.all([context.close(), anonymous.close(), viewerContext.close()]);
  });

  test("the policy is enforced: an injected event handler or style does not apply, and the listener reports it", async ({ browser, failures }) => {
    // The injected image, and the browser's report of each refused injection.
    failures.allow({ status: 404, url: "/no-such-image" }, { console: /Content Security Policy/ });
    const context = await browser.newContext({ storageState: OWNER_STATE });
    const violations = await collectCspViolations(context);
    const page = await context.newPage();
    await page.goto("/credentials");
    // What an HTML injection would try (the security review stored this very payload as an "IP").
    await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", `<img src="/no-such-image" onerror="window.__injected = true">`);
      const style = document.createElement("style");
      style.textContent = "body { visibility: hidden }";
      document.head.append(style);
    });
    await expect.poll(() => violations.length).toBe(2).catch((error: unknown) => {
      throw new Error(`violations: ${JSON.stringify(violations)}`, { cause: error });
    });
    expect(violations.join("\n")).toMatch(/script-src-attr blocked inline/);
    expect(violations.join("\n")).toMatch(/style-src-elem blocked inline/);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    await expect(page.locator("body")).toHaveCSS("visibility", "visible");
    await context.close();
  });

  test("each response gets its own nonce, the one its scripts carry; framing and sniffing stay refused", async ({ baseURL }) => {
    const anonymous = await anonymousContext(baseURL!);
    const nonces = [];
    for (let i = 0; i < 2; i += 1) {
      const response = await anonymous.get("/sign-in");
      const headers = response.headers();
      const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      const scriptNonces = new Set([...(await response.text()).matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]));
      expect(scriptNonces).toEqual(new Set([nonce]));
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
    await anonymous.dispose();
  });
});

async function visitAll(context: import("@playwright/test").BrowserContext, paths: string[]): Promise<string[]> {
  const violations = await collectCspViolations(context);
  const page = await context.newPage();
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  return violations;
}

test("a server-action body nested 50,000 levels deep is refused with a 400 and one log line, signed in or not", async ({ baseURL }) => {
  const id = actionIds().get("sign-in.ts#signIn")!;
  const deep = `[${"[".repeat(50_000)}${"]".repeat(50_000)}]`;
  const logged = statSync(APP_OUTPUT_FILE).size;
  const anonymous = await anonymousContext(baseURL!);
  const owner = await signedInContext(baseURL!, { email: "owner@example.com", password: "correct horse battery staple" });
  const form = new FormData();
  form.append(`1_$ACTION_ID_${id}`, "");
  form.append("1_email", deep);
  for (const [who, context, body] of [
    ["anonymous fetch action", anonymous, { data: deep, headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" } }],
    ["anonymous form post without JavaScript", anonymous, { multipart: form }],
    ["signed-in fetch action", owner, { data: deep, headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" } }],
  ] as const) {
    const response = await context.post("/sign-in", { ...body, maxRedirects: 0 } as Parameters<typeof context.post>[1]);
    expect(response.status(), who).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message, who).toMatch(/nested deeper than 1000 levels/);
  }
  // The app still works, and its output gained three one-line notes and no stack trace.
  expect((await anonymous.get("/api/health")).status()).toBe(200);
  const output = () => readFileSync(APP_OUTPUT_FILE).subarray(logged).toString("utf8");
  await expect.poll(() => output().match(/refused a server action nested deeper/g)?.length ?? 0).toBe(3);
  expect(output()).not.toMatch(/RangeError|Maximum call stack|\n\s+at /);
  await Promise.all([anonymous.dispose(), owner.dispose()]);
});

test.describe("cross-origin requests with the session cookie", () => {
  let attacker: Server;
  let attackerOrigin: string;
  test.beforeAll(async () => {
    attacker = createServer((req, res) => {
      const target = new URL(req.url!, "http://x").searchParams.get("target")!;
      res.setHeader("Content-Type", "text/html");
      res.end(`<!doctype html><form method="POST" action="${target}"><button>Win a prize</button></form>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });
  test.afterAll(() => attacker.close());

  test("a form on another port of this host cannot run a credential test; the app's own pages and API tokens can", async ({ browser, baseURL, failures }) => {
    test.setTimeout(120_000);
    // The attacker's page (and its missing favicon) and the refused cross-origin request, with the browser's CORS report.
    failures.allow({ url: attackerOrigin }, { status: 403, url: "/api/v1/credentials/" }, { console: /CORS policy/ });
    const context = await browser.newContext({ storageState: OWNER_STATE });
    const page = await context.newPage();
    const credential = await savedCredential(page, "CSRF");
    const testedAt = () => withDb(async (db) => (await db.query(`select "lastTestedAt" from "Credential" where id = $1`, [credential.id])).rows[0].lastTestedAt as Date | null);
    const target = `${baseURL}/api/v1/credentials/${credential.id}/test`;

    // The browser sends the owner's cookie: another port is the same site, and the cookie is SameSite=Lax.
    await page.goto(`${attackerOrigin}/?target=${encodeURIComponent(target)}`);
    const [response] = await Promise.all([page.waitForResponse(target), page.getByRole("button", { name: "Win a prize" }).click()]);
    expect(response.status()).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/another origin|same-site/);
    expect(await testedAt()).toBeNull();

    // From the app's own page the same request works.
    await page.goto("/credentials");
    const own = await page.evaluate(async (url) => (await fetch(url, { method: "POST" })).status, target);
    expect(own).toBe(200);
    const afterOwn = await testedAt();
    expect(afterOwn).not.toBeNull();

    // A workflow engine with a token is not a browser: no Origin rule applies to it.
    const engine = await anonymousContext(baseURL!);
    const token = await createToken(await ownerId(), ["credentials:read"]);
    const byToken = await engine.post(`/api/v1/credentials/${credential.id}/test`, { headers: { Authorization: `Bearer ${token}`, Origin: attackerOrigin } });
    expect(byToken.status()).toBe(200);
    await Promise.all([engine.dispose(), context.close()]);
  });
});
