// Sessions end when they should (sign-out, password change, "sign out everywhere", the absolute lifetime) and a
// copied cookie dies with them; a user with a one-time password can do nothing else until they replace it.
import { request as playwrightRequest } from "@playwright/test";
import { expect, test, type Browser, type BrowserContext } from "./test";
import { anonymousContext, createToken, createUser, signedInContext, withDb, type TestUser } from "./api-accounts";
import { actionIds, callAction } from "./server-actions";
import { signIn } from "./sign-in";

test.use({ storageState: { cookies: [], origins: [] } });

/** A browser signed in through the form, as a person would. */
async function browserSession(browser: Browser, user: TestUser): Promise<BrowserContext> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
  return context;
}

/** A new user signed in twice: over HTTP elsewhere, and in this browser (on its first page). */
async function signedInTwice(browser: Browser, baseURL: string, role: Parameters<typeof createUser>[0], label: string) {
  const user = await createUser(role, label);
  const elsewhere = await signedInContext(baseURL, user);
  const context = await browserSession(browser, user);
  return { user, elsewhere, context, page: context.pages()[0]! };
}

/** An HTTP client holding only a copy of the context's session cookie: what a thief would have. */
async function copyOfCookie(context: BrowserContext, baseURL: string) {
  const cookie = (await context.cookies()).find((c) => c.name.includes("session-token"))!;
  return playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { Cookie: `${cookie.name}=${cookie.value}` } });
}

const auditOf = (action: string, target: string) =>
  withDb(async (db) => (await db.query<{ ip: string; metadata: Record<string, unknown> | null }>(`select ip, metadata from "AuditEvent" where action = $1 and target = $2`, [action, target])).rows);

/** Clicks a sign-out button once React has hydrated the page (a click before then can be lost), and waits to leave. */
async function clickToSignOut(page: import("@playwright/test").Page, name: string) {
  await page.locator("html[data-hydrated]").waitFor();
  await page.getByRole("button", { name }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

test("after sign-out a copy of the session cookie works nowhere, and its reuse is audited once", async ({ browser, baseURL }) => {
  const user = await createUser("editor", "sign-out");
  const context = await browserSession(browser, user);
  const thief = await copyOfCookie(context, baseURL!);
  expect((await thief.get("/api/me")).status()).toBe(200);

  const page = context.pages()[0]!;
  await page.goto("/credentials");
  await page.waitForLoadState("networkidle");
  await clickToSignOut(page, "Sign out");

  for (const path of ["/api/me", "/api/v1/credentials"]) expect((await thief.get(path)).status(), path).toBe(401);
  const viaPage = await thief.get("/settings", { maxRedirects: 0 });
  expect(viaPage.status()).toBe(307);
  expect(viaPage.headers()["location"]).toMatch(/\/sign-in/);
  const refused = await auditOf("auth.session_refused", user.email);
  expect(refused).toEqual([{ ip: "127.0.0.1", metadata: expect.objectContaining({ reason: "signed_out" }) }]);
  expect(await auditOf("auth.sign_out", user.email)).toHaveLength(1);
  await thief.dispose();
  await context.close();
});

test("Auth.js's own sign-out route ends the session too, not only the cookie", async ({ baseURL }) => {
  const user = await createUser("viewer", "authjs-sign-out");
  const session = await signedInContext(baseURL!, user);
  const cookie = (await session.storageState()).cookies.find((c) => c.name.includes("session-token"))!;
  const { csrfToken } = (await (await session.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await session.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/sign-in" }, maxRedirects: 0 });
  const thief = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Cookie: `${cookie.name}=${cookie.value}` } });
  expect((await thief.get("/api/me")).status()).toBe(401);
  await Promise.all([thief.dispose(), session.dispose()]);
});

test("changing the password ends the other sessions and keeps this one", async ({ browser, baseURL }) => {
  const { user, elsewhere, context, page } = await signedInTwice(browser, baseURL!, "editor", "password-change");
  await page.goto("/change-password");
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase 9");
  await page.getByLabel("Confirm new password").fill("a brand new passphrase 9");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).not.toHaveURL(/change-password/);
  await expect(page.getByTestId("signed-in-user")).toBeVisible();

  expect((await elsewhere.get("/api/me")).status()).toBe(401);
  expect((await page.request.get("/api/me")).status()).toBe(200);
  expect((await auditOf("user.password_changed", user.email))[0]?.metadata).toEqual({ otherSessionsEnded: 1 });
  await elsewhere.dispose();
  await context.close();
});

test("the password form states the rule and refuses a common password however long", async ({ browser }) => {
  const user = await createUser("viewer", "common-password");
  const context = await browserSession(browser, user);
  const page = context.pages()[0]!;
  await page.goto("/change-password");
  await expect(page.getByText("At least 12 characters and not a commonly used password.")).toBeVisible();
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("qwerty123456");
  await page.getByLabel("Confirm new password").fill("qwerty123456");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This is one of the most commonly used passwords; choose one that is not")).toBeVisible();
  await expect(page).toHaveURL(/\/change-password$/);
  await context.close();
});

test("Sign out everywhere (Settings) ends every session, this one included", async ({ browser, baseURL }) => {
  const { user, elsewhere, context, page } = await signedInTwice(browser, baseURL!, "viewer", "everywhere");
  await page.goto("/settings");
  await page.waitForLoadState("networkidle");
  page.on("dialog", (dialog) => void dialog.accept());
  await clickToSignOut(page, "Sign out everywhere");

  expect((await elsewhere.get("/api/me")).status()).toBe(401);
  await page.goto("/credentials");
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await auditOf("auth.sign_out_everywhere", user.email))[0]?.metadata).toEqual({ sessions: 2 });
  await elsewhere.dispose();
  await context.close();
});

test("a session ends at its absolute lifetime, however often the cookie was renewed", async ({ baseURL }) => {
  const user = await createUser("viewer", "lifetime");
  const session = await signedInContext(baseURL!, user);
  for (let i = 0; i < 3; i += 1) expect((await session.get("/api/me")).status()).toBe(200);
  const lifetimeHours = await withDb(async (db) => {
    const { rows } = await db.query<{ hours: number }>(`select extract(epoch from "expiresAt" - "createdAt") / 3600 as hours from "Session" where "userId" = $1`, [user.id]);
    return rows.map((r) => Number(r.hours));
  });
  expect(lifetimeHours).toEqual([12]);
  // Twelve hours later (moved in the database rather than waited for):
  await withDb((db) => db.query(`update "Session" set "createdAt" = "createdAt" - interval '12 hours', "expiresAt" = "expiresAt" - interval '12 hours' where "userId" = $1`, [user.id]));
  expect((await session.get("/api/me")).status()).toBe(401);
  expect((await auditOf("auth.session_refused", user.email))[0]?.metadata).toMatchObject({ reason: "expired" });
  await session.dispose();
});

test("with a one-time password, sessions and API tokens do nothing but change the password", async ({ baseURL }) => {
  const user = await createUser("admin", "one-time");
  await withDb((db) => db.query(`update "User" set "mustChangePassword" = true where id = $1`, [user.id]));
  const token = await createToken(user.id, ["nodes:run", "nodes:read", "credentials:read"]);
  const session = await signedInContext(baseURL!, user);
  const engine = await anonymousContext(baseURL!);
  const ids = actionIds();
  const tokensBefore = await withDb(async (db) => Number((await db.query(`select count(*) from "ApiToken" where "userId" = $1`, [user.id])).rows[0].count));

  for (const path of ["/api/me", "/api/v1/credentials", "/api/v1/nodes"]) {
    const response = await session.get(path);
    expect(response.status(), `session ${path}`).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/one-time password/);
  }
  const byToken = await engine.get("/api/v1/credentials", { headers: { Authorization: `Bearer ${token}` } });
  expect(byToken.status()).toBe(403);
  expect(((await byToken.json()) as { error: { message: string } }).error.message).toMatch(/one-time password.*choose their own/);
  for (const [action, args] of [
    ["create-api-token.ts#createApiToken", { name: "before changing", scopes: ["credentials:read"] }],
    ["add-user.ts#addUser", { name: "Sneaky", email: "sneaky@example.com", role: "viewer" }],
  ] as const) {
    const { result } = await callAction(session, ids.get(action)!, [args], "/change-password");
    expect(result, action).toMatchObject({ ok: false, error: { kind: "forbidden", message: expect.stringMatching(/one-time password/) } });
  }
  expect(await withDb(async (db) => Number((await db.query(`select count(*) from "ApiToken" where "userId" = $1`, [user.id])).rows[0].count))).toBe(tokensBefore);

  // Changing it is allowed, and then everything works again, the token included.
  const changed = await callAction(session, ids.get("change-password.ts#changePassword")!, [
    { currentPassword: user.password, newPassword: "my own admin passphrase 3", confirmPassword: "my own admin passphrase 3" },
  ], "/change-password");
  expect(changed.result).toMatchObject({ ok: true });
  expect((await session.get("/api/v1/credentials")).status()).toBe(200);
  expect((await engine.get("/api/v1/credentials", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(200);
  await Promise.all([session.dispose(), engine.dispose()]);
});

test("with a one-time password, the change-password page offers sign-out, and it works", async ({ browser }) => {
  const user = await createUser("viewer", "one-time-out");
  await withDb((db) => db.query(`update "User" set "mustChangePassword" = true where id = $1`, [user.id]));
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/change-password$/);
  await page.goto("/settings/api-tokens");
  await expect(page).toHaveURL(/\/change-password$/);
  await page.waitForLoadState("networkidle");
  await clickToSignOut(page, "Sign out");
  await page.goto("/credentials");
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});
