import { expect, test } from "./test";
import { OWNER_STATE } from "../playwright.config";
import { OWNER } from "./accounts";

test("a fresh installation asks for the owner account exactly once", async ({ page, failures }) => {
  // Once the owner exists, /setup is a 404 on purpose (checked at the end).
  failures.allow({ status: 404, url: "/setup" });
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create the owner account" })).toBeVisible();

  // A weak password is refused with a message that says what to fix, and nothing is created.
  await page.getByLabel("Your name").fill(OWNER.name);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("short");
  await page.getByRole("button", { name: "Create owner account" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();

  await page.getByLabel("Password", { exact: true }).fill(OWNER.password);
  await page.getByLabel("Confirm password").fill(OWNER.password);
  await page.getByRole("button", { name: "Create owner account" }).click();

  // Lands in the app shell, signed in (hashing the password can take a while on a busy machine: wait for the page
  // to leave /setup, within the test's own time, rather than for an assertion's few seconds).
  await page.waitForURL((url) => url.pathname !== "/setup");
  await expect(page.getByTestId("signed-in-user")).toHaveText(OWNER.name);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Credentials" })).toBeVisible();
  await page.context().storageState({ path: OWNER_STATE });

  // The setup page is gone for good, signed in or not.
  expect((await page.goto("/setup"))?.status()).toBe(404);
  const anonymous = await page.context().browser()!.newContext();
  const other = await anonymous.newPage();
  expect((await other.goto("/setup"))?.status()).toBe(404);
  await other.goto("/");
  await expect(other).toHaveURL(/\/sign-in$/);
  await anonymous.close();
});
