import { expect, test } from "./test";
import { OWNER } from "./accounts";
import { signIn } from "./sign-in";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a protected page redirects to sign-in and a protected API answers 401", async ({ page, request }) => {
    await page.goto("/settings/users");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Fusers$/);
    const response = await request.get("/api/me");
    expect(response.status()).toBe(401);
    expect((await response.json()).error.kind).toBe("unauthenticated");
  });

  test("a wrong password and an unknown email get the same generic message", async ({ page }) => {
    await signIn(page, OWNER.email, "not the password at all");
    await expect(page.getByTestId("sign-in-error")).toHaveText("Email or password is incorrect.");
    await signIn(page, "nobody-here@example.com", "not the password at all");
    await expect(page.getByTestId("sign-in-error")).toHaveText("Email or password is incorrect.");
  });

  test("sign-in works and returns to the page that was asked for", async ({ page }) => {
    await page.goto("/settings/audit");
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel("Password").fill(OWNER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings\/audit$/);
    await expect(page.getByTestId("signed-in-user")).toHaveText(OWNER.name);
  });

  test("the health probe needs no session and tells no secrets", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", app: "up", database: { status: "up", latencyMs: expect.any(Number) } });
  });
});

test("an owner adds a viewer, who cannot open Settings -> Users; role changes and removal take effect at once", async ({ page, browser, failures }) => {
  // The viewer is refused Settings -> Users on purpose, until the promotion reaches their session.
  failures.allow({ status: 403, url: "/settings/users" });
  await page.goto("/settings/users");
  await page.getByLabel("Name", { exact: true }).fill("Victor Viewer");
  await page.getByLabel("Email").fill("viewer@example.com");
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Add user" }).click();
  const notice = page.getByTestId("temporary-password");
  await expect(notice).toContainText("viewer@example.com");
  const password = (await notice.locator("code").textContent())!;
  await expect(page.getByTestId("user-row-viewer@example.com")).toBeVisible();

  // The one-time password works once: the new user must choose their own before anything else.
  const viewerContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewer = await viewerContext.newPage();
  await signIn(viewer, "viewer@example.com", password);
  await expect(viewer).toHaveURL(/\/change-password$/);
  await viewer.goto("/credentials");
  await expect(viewer).toHaveURL(/\/change-password$/);
  await viewer.getByLabel("Current password").fill(password);
  await viewer.getByLabel("New password", { exact: true }).fill("short");
  await viewer.getByLabel("Confirm new password").fill("short");
  await viewer.getByRole("button", { name: "Change password" }).click();
  await expect(viewer.getByText("Use at least 12 characters")).toBeVisible();
  await viewer.getByLabel("Current password").fill(password);
  await viewer.getByLabel("New password", { exact: true }).fill("viewer's own passphrase 42");
  await viewer.getByLabel("Confirm new password").fill("viewer's own passphrase 42");
  await viewer.getByRole("button", { name: "Change password" }).click();
  await expect(viewer.getByTestId("signed-in-user")).toHaveText("Victor Viewer");
  const forbidden = await viewer.goto("/settings/users");
  expect(forbidden?.status()).toBe(403);
  await expect(viewer.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();

  // Promote to admin: the viewer's existing session gets the new role without signing in again.
  await page.getByLabel("Role of viewer@example.com").selectOption("admin");
  await page.getByRole("dialog", { name: "Change viewer@example.com’s role?" }).getByRole("button", { name: "Make Admin" }).click();
  await expect(page.getByLabel("Role of viewer@example.com")).toHaveValue("admin");
  await expect.poll(async () => (await viewer.goto("/settings/users"))?.status()).toBe(200);

  // Removing the account ends its session at once.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Remove viewer@example.com" }).click();
  await expect(page.getByTestId("user-row-viewer@example.com")).toHaveCount(0);
  await viewer.goto("/settings/users");
  await expect(viewer).toHaveURL(/\/sign-in/);
  await viewerContext.close();
});

test("the audit log lists sign-ins, failures and user changes, newest first", async ({ page }) => {
  await page.goto("/settings/audit");
  const table = page.getByTestId("audit-table");
  const times = await table.locator("tbody tr td:first-child").allTextContents();
  expect(times.length).toBeGreaterThan(1);
  expect([...times].sort().reverse()).toEqual(times);

  // Each kind of event is found by the action filter, however many events other tests wrote since.
  const expected: Array<[string, string]> = [
    ["auth.sign_in_failed", "nobody-here@example.com"],
    ["user.added", "viewer@example.com"],
    ["user.role_changed", "viewer@example.com"],
    ["user.password_changed", "viewer@example.com"],
    ["user.removed", "viewer@example.com"],
  ];
  for (const [action, target] of expected) {
    await page.getByLabel("Action").selectOption(action);
    await expect(page).toHaveURL(new RegExp(`action=${action.replace(".", "\\.")}`));
    await expect(table.locator("tbody tr").first()).toContainText(action);
    await expect(table).toContainText(target);
  }
  await page.getByLabel("Action").selectOption("user.owner_created");
  await expect(page).toHaveURL(/action=user.owner_created/);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table).toContainText("owner@example.com");
});

test("sign-out ends the session", async ({ browser }) => {
  // A session of its own: signing out ends the session, so the suite's shared owner session must not be it.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page.getByTestId("signed-in-user")).toHaveText(OWNER.name);
  await page.goto("/credentials");
  // A click that lands before React has hydrated the form can be lost.
  await page.locator("html[data-hydrated]").waitFor();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/credentials");
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});
