// The compliance pages in the browser against the production build and the simulator: an editor creates a
// monitor in the form (policies chosen through the credential), runs it, reads the dashboard's charts, drills
// down to a policy and a system, exports the CSV and reads it back; a viewer sees it all but cannot edit.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "./test";
import { createUser } from "./api-accounts";
import { collectCspViolations } from "./csp-violations";
import { createSimulatorCredential } from "./credentials";
import { signIn } from "./sign-in";
import { simulatorInfo } from "./simulator";

/** Waits for the snapshot the page shows to finish (the page re-reads itself while one runs). */
async function waitForSnapshot(page: Page): Promise<void> {
  await expect(page.getByTestId("snapshot-row").first().getByTestId("snapshot-status")).toHaveAttribute("data-status", /^(success|partial|failed)$/, { timeout: 60_000 });
}

test.describe("compliance pages", () => {
  test("an editor creates a monitor, runs it, reads the dashboard, drills down and exports CSV; a viewer only reads", async ({ page, browser, context, failures }) => {
    // The viewer is refused the monitor forms on purpose.
    failures.allow({ status: 403, url: "/monitors/new" }, { status: 403, url: /\/monitors\/[^/]+\/edit$/ });
    // One journey through five pages, a snapshot and a second account, on a shared 2-core machine.
    test.setTimeout(180_000);
    const violations = await collectCspViolations(context);
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    const info = await simulatorInfo();
    const suffix = randomUUID().slice(0, 6);
    const credentialName = `Compliance UI ${suffix}`;
    await createSimulatorCredential(page, { name: credentialName, apiKey: info.keys.singleOrg });

    await page.goto("/monitors");
    await page.getByRole("link", { name: "New monitor" }).click();
    await page.locator("form[data-hydrated]").waitFor();
    const name = `Security baselines ${suffix}`;
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Credential").selectOption({ label: credentialName });
    await page.getByRole("radio", { name: "Chosen policies" }).check();
    // The picker lists the credential's policies through the server; search narrows them there.
    await page.getByLabel("Search policies").fill("Security Baseline");
    const options = page.getByTestId("policy-picker").getByRole("checkbox");
    await expect(options).toHaveCount(2);
    await options.nth(0).check();
    await options.nth(1).check();
    await expect(page.getByRole("list", { name: "Chosen policies" }).getByRole("listitem")).toHaveCount(2);
    await page.getByLabel("Schedule").selectOption("daily");
    await page.getByLabel("Time (HH:MM, 24-hour)").fill("06:30");
    await page.getByLabel("Time zone").fill("Europe/Berlin");
    await page.getByRole("checkbox", { name: "Compliance falls below" }).check();
    await page.getByRole("button", { name: "Create monitor" }).click();

    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByText("Daily at 06:30 (Europe/Berlin)")).toBeVisible();
    await expect(page.getByText("2 chosen policies")).toBeVisible();
    const monitorId = page.url().split("/").pop()!;
    await page.getByRole("button", { name: `Run now: ${name}` }).click();
    await waitForSnapshot(page);
    const row = page.getByTestId("snapshot-row").first();
    await expect(row.getByTestId("snapshot-status")).toHaveAttribute("data-status", "success");
    expect(Number(await row.getByTestId("snapshot-requests").textContent())).toBeGreaterThan(1);

    // The dashboard of this monitor: figures, both charts drawn (in the browser, under the CSP) and their tables.
    await page.goto(`/compliance?monitor=${monitorId}`);
    const failing = Number(await page.getByTestId("stat-failing-value").textContent());
    expect(failing).toBeGreaterThan(0);
    await expect(page.getByTestId("stat-rate-value")).toHaveText(/^\d+\.\d%$/);
    await expect(page.getByTestId("trend-chart").locator("svg.recharts-surface[role=application]")).toBeVisible();
    await expect(page.getByTestId("trend-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByTestId("policies-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await page.getByText("Show as a table").click();
    await expect(page.getByTestId("policies-table").locator("tbody tr")).toHaveCount(2);
    const pairs = page.getByTestId("failing-pairs").getByTestId("pair-row");
    await expect(pairs).toHaveCount(failing);
    // Sorting and filtering happen in the table.
    await page.getByTestId("failing-pairs").getByRole("button", { name: "System" }).click();
    await expect(page.getByTestId("failing-pairs").locator("th").nth(1)).toHaveAttribute("aria-sort", "ascending");
    const firstHost = (await pairs.first().locator("td").nth(1).textContent())!.trim();
    await page.getByLabel("Filter pairs").fill(firstHost);
    await expect(pairs).not.toHaveCount(0);
    for (const text of await pairs.locator("td:nth-child(2)").allTextContents()) expect(text).toContain(firstHost);
    await page.getByLabel("Filter pairs").fill("");

    // CSV of the failing pairs: the snapshot time in the name, policy and system in every row.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^compliance-failing-pairs-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await file.path())!, "utf8")).trim().split("\r\n");
    expect(lines[0]).toBe("monitorId,policyId,policyName,systemId,hostname,state,since,failingSince,detail,resultAt");
    expect(lines).toHaveLength(failing + 1);
    for (const line of lines.slice(1)) expect(line).toMatch(/^\w+,[0-9a-f]{24},Windows - Security Baseline \(\w+\),[0-9a-f]{24},[^,]*,failing,/);

    // Drill down: a policy's systems, then one system's policies, each with its own CSV.
    await page.getByTestId("failing-pairs").getByTestId("pair-row").first().getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: /Windows - Security Baseline/ })).toBeVisible();
    await expect(page.getByTestId("drill-down-counts")).toContainText(/\d+ systems: [1-9]\d* failing/);
    const policyCsv = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const policyFile = await policyCsv;
    expect(policyFile.suggestedFilename()).toMatch(/^compliance-policy-windows-security-baseline-\w+-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
    const policyLines = (await readFile((await policyFile.path())!, "utf8")).trim().split("\r\n").slice(1);
    expect(policyLines.length).toBeGreaterThan(1);
    const policyId = policyLines[0]!.split(",")[1];
    for (const line of policyLines) expect(line.split(",")[1]).toBe(policyId);

    const failingRow = page.getByTestId("drill-down-pairs").getByTestId("pair-row").first();
    await expect(failingRow).toContainText("failing");
    await failingRow.getByRole("link").first().click();
    await expect(page.getByText(/ policies: /)).toBeVisible();
    await expect(page.getByTestId("drill-down-pairs").getByTestId("pair-row")).not.toHaveCount(0);

    // A viewer sees the monitor and the dashboard, but nothing to change.
    const viewer = await createUser("viewer");
    const viewerContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const viewerPage = await viewerContext.newPage();
    await signIn(viewerPage, viewer.email, viewer.password);
    await viewerPage.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await viewerPage.goto("/monitors");
    await expect(viewerPage.getByRole("link", { name })).toBeVisible();
    await expect(viewerPage.getByRole("link", { name: "New monitor" })).toHaveCount(0);
    await expect(viewerPage.getByRole("button", { name: `Run now: ${name}` })).toHaveCount(0);
    await viewerPage.getByRole("link", { name }).click();
    await expect(viewerPage.getByTestId("snapshot-row")).not.toHaveCount(0);
    await expect(viewerPage.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(viewerPage.getByRole("button", { name: /^(Pause|Delete)/ })).toHaveCount(0);
    expect((await viewerPage.goto(`/monitors/${monitorId}/edit`))!.status()).toBe(403);
    expect((await viewerPage.goto("/monitors/new"))!.status()).toBe(403);
    await viewerPage.goto(`/compliance?monitor=${monitorId}`);
    await expect(viewerPage.getByTestId("stat-failing-value")).toHaveText(String(failing));
    await viewerContext.close();

    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
