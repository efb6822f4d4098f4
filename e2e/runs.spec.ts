import { expect, test, type Page } from "./test";
import { simulatorCredential } from "./credentials";

const CREDENTIAL = "Runs Simulator";
const sim = simulatorCredential(CREDENTIAL);

async function runInBuilder(page: Page, config: unknown, name?: string) {
  await page.goto("/node-builder/new");
  await page.getByLabel("Credential").selectOption({ label: `${CREDENTIAL} · API Key` });
  await page.getByRole("button", { name: "Import" }).click();
  const dialog = page.getByRole("dialog", { name: "Import node config" });
  await dialog.getByLabel("Node config JSON").fill(JSON.stringify(config));
  await dialog.getByRole("button", { name: "Import" }).click();
  if (name) {
    await page.getByLabel("Node name").fill(name);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(/\/node-builder\/(?!new$)[a-z0-9]+$/); // saved: not /new any more
  }
  await page.getByRole("button", { name: "Run node" }).click();
  await expect(page.getByTestId("run-success").or(page.getByTestId("run-error"))).toBeVisible({ timeout: 30_000 });
}

const templates = { integration_service: "jumpcloud", resource: "policyTemplate", operation: "list", parameters: { returnAll: true } };
const missingPolicy = { integration_service: "jumpcloud", resource: "policy", operation: "get", parameters: { policyId: "5f4d7c8e9a1b2c3d4e5f6789" } };

test.describe.serial("runs", () => {
  test("every builder run is recorded; filters by status and node live in the URL", async ({ page }) => {
    await runInBuilder(page, templates, "Runs: templates");
    await runInBuilder(page, missingPolicy);

    await page.goto("/runs");
    await expect(page.getByTestId("run-row").first()).toBeVisible();
    await page.getByLabel("Status").selectOption("error");
    await expect(page).toHaveURL(/status=error/);
    const errorRows = page.getByTestId("run-row");
    await expect(errorRows.first()).toContainText("policyNotFound");
    for (const row of await errorRows.all()) await expect(row).toContainText("error");

    await page.getByLabel("Status").selectOption("");
    await expect(page).not.toHaveURL(/status=/);
    await page.getByLabel("Node").selectOption({ label: "Runs: templates" });
    await expect(page).toHaveURL(/node=/);
    await expect(page.getByTestId("run-row")).toHaveCount(1);
    await expect(page.getByTestId("run-row")).toContainText("Runs: templates");
    await expect(page.getByTestId("run-row")).toContainText("success");
  });

  test("a run's detail shows who, what, counts, the sample and the guidance, and never the key", async ({ page }) => {
    const bodies: string[] = [];
    page.on("response", async (response) => {
      try {
        bodies.push(await response.text());
      } catch {
        // redirects have no body
      }
    });
    await page.goto("/runs?status=success");
    await page.getByTestId("run-row").first().getByRole("link").click();
    await expect(page.getByTestId("run-field-status")).toContainText("success");
    await expect(page.getByTestId("run-field-credential")).toHaveText(CREDENTIAL);
    await expect(page.getByTestId("run-field-actor")).toContainText("via builder");
    expect(Number(await page.getByTestId("run-field-items").textContent())).toBeGreaterThan(0);
    expect(Number(await page.getByTestId("run-field-requests").textContent())).toBeGreaterThan(0);
    await expect(page.getByTestId("run-sample")).toContainText("windows_security_baseline");

    await page.goto("/runs?status=error");
    await page.getByTestId("run-row").first().getByRole("link").click();
    await expect(page.getByTestId("run-field-error-kind")).toHaveText("policyNotFound");
    await expect(page.getByTestId("run-field-what-to-do")).toHaveText("Verify the policy ID is correct. You can find policy IDs by listing all policies first.");
    await expect(page.getByRole("heading", { name: "Inline config" })).toBeVisible();
    await expect(page.getByTestId("run-field-node")).toHaveText("Inline config");
    for (const body of bodies) expect(body).not.toContain(sim().keys.singleOrg);
  });

  test("the list pages newest first", async ({ page }) => {
    await page.goto("/runs");
    const times = await page.getByTestId("run-row").locator("td:first-child").allTextContents();
    expect([...times].sort().reverse()).toEqual(times);
  });
});
