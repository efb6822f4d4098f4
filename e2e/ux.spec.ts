// What a user notices while editing (issue 12, items 1-4 and 7-10, 16): nothing they typed is lost or hidden,
// messages speak the user's words, confirmations name what they change, dialogs behave like dialogs.
import { SIMULATOR_ORIGIN } from "../playwright.config";
import { OWNER } from "./accounts";
import { createUser, signedInContext } from "./api-accounts";
import { openNewCredentialForm, simulatorCredential } from "./credentials";
import { expect, test, type Page } from "./test";

const CREDENTIAL = "UX Simulator";
const sim = simulatorCredential(CREDENTIAL);

async function simulatorPolicy(): Promise<{ id: string; name: string }> {
  const response = await fetch(`${SIMULATOR_ORIGIN}/api/v2/policies?limit=1&sort=name`, { headers: { "x-api-key": sim().keys.singleOrg, accept: "application/json" } });
  return ((await response.json()) as Array<{ id: string; name: string }>)[0]!;
}

async function apiKeyForm(page: Page) {
  await openNewCredentialForm(page);
  await page.getByRole("radio", { name: /API Key/ }).check();
  await page.getByText("Connection: Region, Custom Base URL").click();
}

test("a wrong password keeps the email and puts the cursor in the password field", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("Email or password is incorrect.");
  await expect(page.getByLabel("Email")).toHaveValue(OWNER.email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(OWNER.name);
  await context.close();
});

test("credential form: the connection section stays open while the URL is cleared, and Test Connection needs no name", async ({ page }) => {
  await apiKeyForm(page);
  await page.getByLabel("API Key", { exact: true }).fill(sim().keys.singleOrg);
  const baseUrl = page.getByLabel("Custom Base URL (optional)");
  await baseUrl.fill("http://127.0.0.1");
  await baseUrl.fill("");
  await expect(baseUrl).toBeVisible();
  await baseUrl.pressSequentially("http://localhost:");
  await expect(baseUrl).toBeVisible();

  // The simulator is allowed as http://127.0.0.1:<port>; its localhost and /api/v2 forms are the same origin.
  await baseUrl.fill(`${SIMULATOR_ORIGIN.replace("127.0.0.1", "localhost")}/api/v2`);
  await page.getByRole("button", { name: "Test Connection" }).click();
  await expect(page.getByTestId("test-outcome")).toContainText("Connected");
  await expect(page.getByTestId("credential-error")).toHaveCount(0);
});

test("credential form: a host outside the allow-list is named as such, with the setting that allows it", async ({ page }) => {
  await apiKeyForm(page);
  await page.getByLabel("API Key", { exact: true }).fill(sim().keys.singleOrg);
  await page.getByLabel("Custom Base URL (optional)").fill("http://127.0.0.1:9/api/v2");
  await page.getByRole("button", { name: "Test Connection" }).click();
  const outcome = page.getByTestId("test-outcome");
  await expect(outcome).toContainText("Host not allowed");
  await expect(outcome).toContainText("The host http://127.0.0.1:9 is not allowed: it is not on this server's list of allowed hosts");
  await expect(outcome).toContainText("JUMPCLOUD_ALLOWED_ORIGINS");
  await expect(outcome).not.toContainText("Host unreachable");
  await expect(outcome).not.toContainText("ask an administrator");

  // Saving it says the same, beside the field and above the form.
  await page.getByLabel("Name", { exact: true }).fill("Not allowed host");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("credential-error")).toContainText("JUMPCLOUD_ALLOWED_ORIGINS");
  await expect(page.getByLabel("Custom Base URL (optional)")).toBeVisible();
});

test("credential form speaks the user's words: no parameter paths, field keys or `name:` banners", async ({ page, failures }) => {
  // The malformed key below is refused by the test route (4xx), as it should be.
  failures.allow({ url: "/api/credentials/test" });
  await apiKeyForm(page);
  await page.getByLabel("API Key", { exact: true }).fill(sim().keys.multiOrg);
  await page.getByLabel("Custom Base URL (optional)").fill(SIMULATOR_ORIGIN);
  await page.getByRole("button", { name: "Test Connection" }).click();
  const outcome = page.getByTestId("test-outcome");
  await expect(outcome).toContainText("Organization ID required");
  await expect(outcome).toContainText("Default Organization ID");
  await expect(outcome).not.toContainText("additionalFields");

  // Saved with a blank name (spaces pass the browser's own check): a sentence, and the message beside the field.
  await page.getByLabel("Name", { exact: true }).fill("   ");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("credential-error")).toHaveText("Enter a name, e.g. JumpCloud Production.");
  await expect(page.getByText("Enter a name, e.g. JumpCloud Production", { exact: true })).toBeVisible();

  // A key that is not a key: the field's label, not its key.
  await page.getByLabel("API Key", { exact: true }).fill("x");
  await page.getByLabel("Name", { exact: true }).fill("Jargon check");
  await page.getByRole("button", { name: "Test Connection" }).click();
  const error = page.getByTestId("credential-error");
  await expect(error).toBeVisible();
  await expect(error).not.toContainText("apiKey");
  await expect(error).not.toContainText(/^\w+:/);
});

test("a System Context credential with a stored date and signature warns at save time that it expires in about 5 minutes", async ({ page }) => {
  await openNewCredentialForm(page);
  await page.getByLabel("Name", { exact: true }).fill("Stored signature device");
  await page.getByRole("radio", { name: /System Context/ }).check();
  await page.getByLabel("System ID", { exact: true }).fill(sim().systems[0]!.id);
  await page.getByLabel("System Date (optional)").fill(new Date().toUTCString());
  await page.getByLabel("System Signature (optional)").fill("c2lnbmF0dXJlLW9mLXRoZS1kYXRl");
  await page.getByRole("button", { name: "Save" }).click();
  const dialog = page.getByRole("dialog", { name: "Credential saved, with a warning" });
  await expect(dialog.getByTestId("save-warning")).toContainText("about 5 minutes after its date");
  await expect(dialog.getByTestId("save-warning")).toContainText("Add the Private Key");
  await dialog.getByRole("button", { name: "Go to credentials" }).click();
  await expect(page).toHaveURL(/\/credentials$/);

  // item 4: the row's confirmation is a centred dialog whose text wraps instead of being cut; Enter confirms it.
  await page.getByRole("button", { name: "Delete Stored signature device" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete “Stored signature device”?" });
  await expect(confirm).toBeVisible();
  const layout = await confirm.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const message = element.querySelector("[data-testid=confirm-message]")!;
    return {
      centre: box.left + box.width / 2,
      screen: window.innerWidth / 2,
      align: getComputedStyle(message).textAlign,
      wrap: getComputedStyle(message).whiteSpace,
      cut: message.scrollWidth > message.clientWidth,
      inBody: element.parentElement === document.body,
    };
  });
  expect(Math.abs(layout.centre - layout.screen)).toBeLessThan(2);
  expect(layout).toMatchObject({ align: "left", wrap: "normal", cut: false, inBody: true });
  await page.keyboard.press("Enter");
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId("credential-row-Stored signature device")).toHaveCount(0);
});

test("unsaved node edits: leaving asks first (in the app and when closing the tab); Enter renames in the dialog", async ({ page }) => {
  const name = `Unsaved guard ${Date.now()}`;
  await page.goto("/node-builder/new");
  await page.getByLabel("Credential").selectOption({ label: `${CREDENTIAL} · API Key` });
  await page.getByLabel("Node name").fill(name);
  await page.getByRole("link", { name: "Runs" }).click();
  const leave = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(leave).toContainText(`Your changes to ${name} are not saved`);
  await leave.getByRole("button", { name: "Stay on this page" }).click();
  await expect(page).toHaveURL(/\/node-builder\/new$/);
  await expect(page.getByLabel("Node name")).toHaveValue(name);

  // Saved: nothing to lose, so links just work.
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("builder-notice")).toContainText(`Saved "${name}"`);
  await expect(page).toHaveURL(/\/node-builder\/(?!new)[^/]+$/);
  const saved = page.url();
  await page.getByRole("link", { name: "Runs" }).click();
  await expect(page).toHaveURL(/\/runs$/);
  await page.goto(saved);
  await expect(page.getByLabel("Node name")).toHaveValue(name);

  // Edited again: the browser's own prompt guards closing the tab, and in-app links can leave on purpose.
  await page.getByLabel("Node name").fill(`${name} (edited)`);
  let prompted = false;
  page.once("dialog", (dialog) => {
    prompted = dialog.type() === "beforeunload";
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => prompted).toBe(true);
  expect(page.isClosed()).toBe(false);
  await page.getByRole("link", { name: "Node builder" }).click();
  await page.getByRole("dialog", { name: "Leave without saving?" }).getByRole("button", { name: "Leave without saving" }).click();
  await expect(page).toHaveURL(/\/node-builder$/);

  // item 16: Enter in a dialog's field submits it.
  await page.getByRole("button", { name: `Rename ${name}` }).click();
  const rename = page.getByRole("dialog", { name: `Rename ${name}` });
  await rename.getByLabel("New name").fill(`${name} renamed`);
  await rename.getByLabel("New name").press("Enter");
  await expect(page.getByTestId(`node-row-${name} renamed`)).toBeVisible();
});

test("write confirmations: refused while the preview shows errors, then naming the policy and saying what the button does", async ({ page }) => {
  const policy = await simulatorPolicy();
  await page.goto("/node-builder/new");
  await page.getByLabel("Credential").selectOption({ label: `${CREDENTIAL} · API Key` });
  await page.getByLabel("Resource").selectOption("policy");
  await page.getByRole("region", { name: "Operation" }).getByRole("combobox", { name: /^Operation/ }).selectOption("delete");
  await page.getByRole("button", { name: "Run node" }).click();
  await expect(page.getByTestId("builder-notice")).toContainText("Nothing was sent: fix the problem the preview shows");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.locator('[data-field="policyId"] input').first().fill(policy.id);
  await page.getByRole("button", { name: "Run node" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete policy?" });
  await expect(dialog.getByTestId("write-target")).toContainText(policy.name);
  await expect(dialog.getByTestId("write-target")).toContainText(policy.id);
  await expect(dialog.getByRole("button", { name: "Delete policy" })).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});

test("small things: viewers get no New button, the one-time password can be copied, a role change asks first, focus shows", async ({ page, browser, context }) => {
  const viewer = await createUser("viewer", "ux-viewer");
  const viewerApi = await signedInContext(test.info().project.use.baseURL!, viewer);
  const viewerPage = await browser.newPage({ storageState: await viewerApi.storageState() });
  await viewerApi.dispose();
  await viewerPage.goto("/node-builder");
  await expect(viewerPage.getByRole("heading", { name: "Node builder" })).toBeVisible();
  await expect(viewerPage.getByRole("link", { name: "New", exact: true })).toHaveCount(0);
  await viewerPage.goto("/credentials");
  await expect(viewerPage.getByRole("link", { name: "Add New Credential" })).toHaveCount(0);
  await viewerPage.close();

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/settings/users");
  const email = `ux-added-${Date.now()}@example.com`;
  await page.getByLabel("Name", { exact: true }).fill("Ux Added");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Add user" }).click();
  const notice = page.getByTestId("temporary-password");
  const password = await notice.getByTestId("temporary-password-value").textContent();
  await notice.getByRole("button", { name: "Copy" }).click();
  await expect(notice.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);

  // A role change waits for a confirmation; Cancel leaves the role as it was.
  const role = page.getByLabel(`Role of ${email}`);
  await role.selectOption("editor");
  const confirm = page.getByRole("dialog", { name: `Change ${email}’s role?` });
  await expect(confirm).toContainText("From Viewer to Editor");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(role).toHaveValue("viewer");
  await role.selectOption("editor");
  await confirm.getByRole("button", { name: "Make Editor" }).click();
  await expect(confirm).toBeHidden();
  await page.reload();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("editor");

  // Keyboard focus: a 2 px ring on links and buttons, a solid ring on fields.
  await page.getByRole("link", { name: "Credentials" }).focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(ring.style).toBe("solid");
  expect(ring.width).toBeGreaterThanOrEqual(2);
  await page.getByLabel("Email").focus();
  expect(await page.getByLabel("Email").evaluate((element) => getComputedStyle(element).boxShadow)).not.toBe("none");
});

test("dark theme: the JSON editor's gutter takes the editor's background", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/node-builder/new");
  // CodeMirror loads after the page: wait until its chunk has arrived rather than a fixed time.
  await page.waitForLoadState("networkidle");
  const gutter = page.locator(".cm-gutters").first();
  await expect(gutter).toBeVisible();
  const colours = await gutter.evaluate((element) => ({
    background: getComputedStyle(element).backgroundColor,
    text: getComputedStyle(element).color,
    page: getComputedStyle(document.body).color,
  }));
  // Transparent over the editor's dark background, in the page's light text: not the light theme's grey strip.
  expect(colours.background).toBe("rgba(0, 0, 0, 0)");
  expect(colours.text).toBe(colours.page);
});
