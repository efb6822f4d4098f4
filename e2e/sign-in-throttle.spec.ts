// The sign-in throttle on every path into a session (the form's server action and Auth.js's own callback
// route), shared by every app process through Postgres, and keyed by an IP the caller cannot choose.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "./test";
import { anonymousContext, createUser, withDb } from "./api-accounts";
import { startSecondServer } from "./second-server";
import { signIn } from "./sign-in";

test.use({ storageState: { cookies: [], origins: [] } });

/** One sign-in through POST /api/auth/callback/credentials: did it get a session, and which error code. */
async function callbackSignIn(baseURL: string, email: string, password: string, headers: Record<string, string> = {}) {
  const context: APIRequestContext = await anonymousContext(baseURL);
  try {
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await context.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, callbackUrl: "/" }, headers, maxRedirects: 0 });
    const location = new URL(response.headers()["location"] ?? "/", baseURL);
    const session = (await context.storageState()).cookies.some((cookie) => cookie.name.includes("session-token"));
    return { session, code: location.searchParams.get("code") };
  } finally {
    await context.dispose();
  }
}

const throttleRow = (key: string) =>
  withDb(async (db) => (await db.query<{ failures: number; blockedUntil: Date | null }>(`select failures, "blockedUntil" from "SignInThrottle" where key = $1`, [key])).rows[0]);

/**
 * Later in the backoff the wait is minutes (the unit tests step through it with a clock); here a block is
 * stretched to ten minutes so the assertions below hold however slowly a busy machine runs them.
 */
const stretchBlock = (key: string) => withDb((db) => db.query(`update "SignInThrottle" set "blockedUntil" = now() at time zone 'utc' + interval '10 minutes' where key = $1`, [key]));

const auditRows = (action: string, target: string) =>
  withDb(async (db) => (await db.query<{ ip: string | null }>(`select ip from "AuditEvent" where action = $1 and target = $2`, [action, target])).rows);

// Every attempt here comes from 127.0.0.1, which the rest of the suite signs in from too.
test.beforeEach(() => withDb((db) => db.query(`delete from "SignInThrottle"`)));
test.afterEach(() => withDb((db) => db.query(`delete from "SignInThrottle"`)));

test("Auth.js's callback route is throttled too: no session after the lockout, not even for the right password", async ({ baseURL, page }) => {
  const user = await createUser("viewer", "callback-throttle");
  for (let i = 0; i < 5; i += 1) expect(await callbackSignIn(baseURL!, user.email, `wrong ${i}`)).toEqual({ session: false, code: "credentials" });
  expect(await throttleRow(`account:${user.email}`)).toMatchObject({ failures: 5, blockedUntil: expect.any(Date) });

  await stretchBlock(`account:${user.email}`);
  for (let i = 0; i < 30; i += 1) expect(await callbackSignIn(baseURL!, user.email, `guess ${i}`)).toEqual({ session: false, code: "throttled" });
  expect(await callbackSignIn(baseURL!, user.email, user.password)).toEqual({ session: false, code: "throttled" });
  // Refused attempts are not counted: the block does not grow while it lasts.
  expect(await throttleRow(`account:${user.email}`)).toMatchObject({ failures: 5 });

  await signIn(page, user.email, user.password);
  await expect(page.getByTestId("sign-in-error")).toHaveText(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);
  // One audit row for the block, however many attempts it refused.
  expect(await auditRows("auth.sign_in_throttled", user.email)).toEqual([{ ip: "127.0.0.1" }]);
});

test("the form and the callback route add up to one count per account", async ({ baseURL, page }) => {
  const user = await createUser("viewer", "both-paths");
  for (let i = 0; i < 3; i += 1) {
    await signIn(page, user.email, `wrong ${i}`);
    await expect(page.getByTestId("sign-in-error")).toHaveText("Email or password is incorrect.");
  }
  expect(await throttleRow(`account:${user.email}`)).toMatchObject({ failures: 3, blockedUntil: null });
  for (let i = 3; i < 5; i += 1) expect(await callbackSignIn(baseURL!, user.email, `wrong ${i}`)).toEqual({ session: false, code: "credentials" });
  expect(await throttleRow(`account:${user.email}`)).toMatchObject({ failures: 5, blockedUntil: expect.any(Date) });

  await stretchBlock(`account:${user.email}`);
  await signIn(page, user.email, user.password);
  await expect(page.getByTestId("sign-in-error")).toContainText("Too many sign-in attempts");
  expect(await callbackSignIn(baseURL!, user.email, user.password)).toEqual({ session: false, code: "throttled" });

  // Once the block is over, the right password works and clears the account's count.
  await withDb((db) => db.query(`update "SignInThrottle" set "blockedUntil" = null where key = $1`, [`account:${user.email}`]));
  expect(await callbackSignIn(baseURL!, user.email, user.password)).toEqual({ session: true, code: null });
  expect(await throttleRow(`account:${user.email}`)).toBeUndefined();
});

test("a second app process on the same database counts and refuses with the first", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const second = await startSecondServer();
  try {
    const user = await createUser("viewer", "two-processes");
    // Alternating servers: neither sees five failures on its own, together they do.
    for (let i = 0; i < 5; i += 1) {
      const server = i % 2 === 0 ? baseURL! : second.baseURL;
      expect(await callbackSignIn(server, user.email, `wrong ${i}`), `attempt ${i + 1} on ${server}`).toEqual({ session: false, code: "credentials" });
    }
    expect(await throttleRow(`account:${user.email}`)).toMatchObject({ failures: 5, blockedUntil: expect.any(Date) });
    await stretchBlock(`account:${user.email}`);
    expect(await callbackSignIn(second.baseURL, user.email, user.password)).toEqual({ session: false, code: "throttled" });
    expect(await callbackSignIn(baseURL!, user.email, user.password)).toEqual({ session: false, code: "throttled" });
  } finally {
    await second.stop();
  }
});

test("X-Forwarded-For chooses neither the audit log's IP nor a fresh per-IP budget", async ({ baseURL, page }) => {
  const emails = Array.from({ length: 20 }, (_, i) => `spray-${i}-${randomUUID().slice(0, 8)}@example.com`);
  for (const [i, email] of emails.entries()) {
    const forged = i % 2 === 0 ? `<img src=x onerror=alert(${i})>` : `203.0.113.${i}, 198.51.100.${i}`;
    expect(await callbackSignIn(baseURL!, email, "wrong", { "X-Forwarded-For": forged, "X-Real-IP": "198.51.100.99" })).toMatchObject({ session: false });
  }
  // Twenty failures from one address, whatever each request claimed: that address is blocked.
  expect(await throttleRow("ip:127.0.0.1")).toMatchObject({ failures: 20, blockedUntil: expect.any(Date) });
  const forgedKeys = await withDb(async (db) => (await db.query(`select key from "SignInThrottle" where key like 'ip:%' and key <> 'ip:127.0.0.1'`)).rows);
  expect(forgedKeys).toEqual([]);
  await stretchBlock("ip:127.0.0.1");
  expect(await callbackSignIn(baseURL!, `fresh-${randomUUID().slice(0, 8)}@example.com`, "wrong", { "X-Forwarded-For": "192.0.2.200" })).toEqual({ session: false, code: "throttled" });

  // The form's path too: the audit log stores the real peer, never the header's text.
  await withDb((db) => db.query(`delete from "SignInThrottle"`));
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "<script>alert(1)</script>" });
  const formEmail = `form-${randomUUID().slice(0, 8)}@example.com`;
  await signIn(page, formEmail, "wrong password here");
  await expect(page.getByTestId("sign-in-error")).toHaveText("Email or password is incorrect.");
  for (const email of [...emails, formEmail]) expect(await auditRows("auth.sign_in_failed", email), email).toEqual([{ ip: "127.0.0.1" }]);
});
