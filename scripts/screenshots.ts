// Regenerates the README's screenshots (docs/*.png) from the real app: a fresh database, the simulator, the
// production build (`next build` first), and Chromium driven by Playwright through what a user does.
//   npx tsx scripts/screenshots.ts            (ports 3190 and 4290; SCREENSHOT_APP_PORT / SCREENSHOT_SIMULATOR_PORT)
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { createTestDatabase } from "@/lib/database/test-database";
import { findExample } from "@/lib/nodes/examples";

const APP_PORT = Number(process.env.SCREENSHOT_APP_PORT ?? 3190);
// Not 4190: fetch refuses it (ManageSieve is on the Fetch standard's list of blocked ports).
const SIMULATOR_PORT = Number(process.env.SCREENSHOT_SIMULATOR_PORT ?? 4290);
const APP = `http://127.0.0.1:${APP_PORT}`;
const SIMULATOR = `http://127.0.0.1:${SIMULATOR_PORT}`;
const OWNER = { name: "Olivia Owner", email: "owner@example.com", password: "correct horse battery staple" };

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  child.on("exit", (code) => code && code !== 143 && console.error(`${args.join(" ")} exited with ${code}`));
  return child;
}

/** Polls until the URL answers 200: the servers say they are ready by answering. */
async function ready(url: string): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within 2 minutes`);
}

async function createOwnerAndCredentials(page: Page, keys: { singleOrg: string; multiOrg: string }) {
  await page.goto(`${APP}/setup`);
  await page.getByLabel("Your name").fill(OWNER.name);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password", { exact: true }).fill(OWNER.password);
  await page.getByLabel("Confirm password").fill(OWNER.password);
  await page.getByRole("button", { name: "Create owner account" }).click();
  await page.getByTestId("signed-in-user").waitFor();
  const credentials = [
    { name: "JumpCloud Production", description: "Policy automation for the production org", key: keys.singleOrg },
    { name: "JumpCloud MSP (all orgs)", description: "Multi-tenant key: nodes give the organization", key: keys.multiOrg },
  ];
  for (const credential of credentials) {
    await page.goto(`${APP}/credentials/new`);
    await page.locator("form[data-hydrated]").waitFor();
    await page.getByLabel("Name", { exact: true }).fill(credential.name);
    await page.getByLabel("Description (optional)").fill(credential.description);
    await page.getByLabel("API Key", { exact: true }).fill(credential.key);
    await page.getByText("Connection: Region, Custom Base URL").click();
    await page.getByLabel("Custom Base URL (optional)").fill(SIMULATOR);
    await page.getByRole("button", { name: "Test Connection" }).click();
    await page.getByTestId("test-outcome").waitFor();
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(`${APP}/credentials`);
  }
}

/** The guide's templated policy create, with its input data, previewed (not run). */
async function builderWithGuideExample(page: Page) {
  await page.goto(`${APP}/node-builder/new`);
  await page.getByLabel("Credential").selectOption({ label: "JumpCloud Production · API Key" });
  await page.getByLabel("Node name").fill("Create baseline policy per department");
  await page.getByRole("button", { name: "Import" }).click();
  const dialog = page.getByRole("dialog", { name: "Import node config" });
  const { config, input } = findExample("create-policy-with-templates")!;
  await dialog.getByLabel("Node config JSON").fill(JSON.stringify(config, null, 2));
  await dialog.getByLabel("Input data JSON (optional)").fill(JSON.stringify(input, null, 2));
  await dialog.getByRole("button", { name: "Import" }).click();
  // The template is an expression here, so its fields stay a JSON value; the planned create is the last thing drawn.
  await page.getByTestId("planned-request").filter({ hasText: "Create the policy" }).waitFor();
  await page.waitForLoadState("networkidle");
}

/** A monitor of every policy, run three times with JumpCloud changing in between, and its dashboard. */
async function complianceDashboard(page: Page) {
  await page.goto(`${APP}/monitors/new`);
  await page.locator("form[data-hydrated]").waitFor();
  await page.getByLabel("Name", { exact: true }).fill("Production policies");
  await page.getByLabel("Credential").selectOption({ label: "JumpCloud Production" });
  await page.getByLabel("Schedule").selectOption("daily");
  await page.getByLabel("Time (HH:MM, 24-hour)").fill("06:30");
  await page.getByRole("button", { name: "Create monitor" }).click();
  await page.getByRole("heading", { name: "Production policies" }).waitFor();
  const monitorId = page.url().split("/").pop()!;
  for (let run = 1; run <= 3; run++) {
    if (run > 1) await fetch(`${SIMULATOR}/__simulator/advance`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ticks: 6 }) });
    await page.getByRole("button", { name: "Run now: Production policies" }).click();
    await page.waitForFunction(
      (done) => document.querySelectorAll('[data-testid="snapshot-row"] [data-testid="snapshot-status"][data-status="success"]').length >= done,
      run,
      { timeout: 60_000 },
    );
  }
  await page.goto(`${APP}/compliance?monitor=${monitorId}`);
  await page.getByTestId("trend-chart").locator("svg.recharts-surface[role=application]").waitFor();
  await page.waitForLoadState("networkidle");
}

/** A baseline of two policies; one gains a system, and the drift check shows it side by side. */
async function driftItems(page: Page, apiKey: string) {
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${SIMULATOR}/api/v2${path}`, { method, headers: { "x-api-key": apiKey, "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    return response.status === 204 ? undefined : ((await response.json()) as unknown);
  };
  const policies = ((await api("GET", "/policies?limit=100")) as Array<{ id: string; name: string }>).slice(0, 2);
  await page.goto(`${APP}/baselines`);
  const form = page.getByTestId("capture-baseline");
  await form.getByLabel("Baseline name").fill("Production baseline");
  await form.getByLabel("Credential").selectOption({ label: "JumpCloud Production" });
  for (const policy of policies) {
    await form.getByLabel("Filter policies").fill(policy.name);
    await form.getByRole("list", { name: "Policies" }).getByRole("checkbox", { name: policy.name, exact: true }).check();
  }
  await form.getByRole("button", { name: "Capture baseline" }).click();
  await page.getByRole("heading", { name: "Production baseline" }).waitFor();
  const bound = new Set(((await api("GET", `/policies/${policies[0]!.id}/associations?targets=system&limit=100`)) as Array<{ to: { id: string } }>).map((a) => a.to.id));
  const systems = (await (await fetch(`${SIMULATOR}/api/systems?limit=100`, { headers: { "x-api-key": apiKey } })).json()) as { results: Array<{ _id: string }> };
  const system = systems.results.find((candidate) => !bound.has(candidate._id))!;
  await api("POST", `/policies/${policies[0]!.id}/associations`, { op: "add", type: "system", id: system._id });
  await page.getByRole("button", { name: "Run drift check" }).click();
  await page.getByTestId("open-drift").getByTestId("drift-item").first().waitFor();
  await page.waitForLoadState("networkidle");
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first.");
  const database = await createTestDatabase("screenshots");
  // Churn on, advanced only on request: statuses flip between the monitor's snapshots.
  const simulator = start(process.execPath, ["node_modules/tsx/dist/cli.mjs", "simulator/main.ts"], {
    SIMULATOR_PORT: String(SIMULATOR_PORT),
    SIMULATOR_SEED: "1",
    SIMULATOR_CHURN: "demo",
    SIMULATOR_ADVANCE_MS: "0",
  });
  const app = start(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(APP_PORT), "-H", "127.0.0.1"], {
    DATABASE_URL: database.url,
    AUTH_SECRET: "screenshots-only-auth-secret-0123456789abcdef0123",
    CREDENTIALS_ENCRYPTION_KEY: "screenshots:q7Lw0l1cD7bq8nT3u8m0mB0y6f3S9x4Q2kZ5vJ7hR1E=",
    JUMPCLOUD_ALLOWED_ORIGINS: SIMULATOR,
    NODE_ENV: "production",
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    await Promise.all([ready(`${SIMULATOR}/__simulator/info`), ready(`${APP}/api/health`)]);
    const info = (await (await fetch(`${SIMULATOR}/__simulator/info`)).json()) as { keys: { singleOrg: string; multiOrg: string } };
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: "light", deviceScaleFactor: 1 });
    await createOwnerAndCredentials(page, info.keys);
    await page.goto(`${APP}/credentials`);
    await page.getByTestId("credentials-table").waitFor();
    await page.screenshot({ path: "docs/screenshot-credentials.png" });
    await page.setViewportSize({ width: 1440, height: 1200 });
    await builderWithGuideExample(page);
    await page.screenshot({ path: "docs/screenshot-node-builder.png" });
    await page.setViewportSize({ width: 1440, height: 1100 });
    await complianceDashboard(page);
    await page.screenshot({ path: "docs/screenshot-compliance.png" });
    await page.setViewportSize({ width: 1440, height: 900 });
    await driftItems(page, info.keys.singleOrg);
    await page.screenshot({ path: "docs/screenshot-drift.png" });
    console.log("wrote docs/screenshot-{credentials,node-builder,compliance,drift}.png");
  } finally {
    await browser.close();
    app.kill();
    simulator.kill();
    await database.drop().catch(() => {});
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
