// Regenerates the README's screenshots (docs/*.png) from the real app: a fresh database, the simulator, the
// production build (`next build` first), and Chromium driven by Playwright through what a user does.
//   npx tsx scripts/screenshots.ts            (ports 3190 and 4190; SCREENSHOT_APP_PORT / SCREENSHOT_SIMULATOR_PORT)
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { createTestDatabase } from "@/lib/database/test-database";

const APP_PORT = Number(process.env.SCREENSHOT_APP_PORT ?? 3190);
const SIMULATOR_PORT = Number(process.env.SCREENSHOT_SIMULATOR_PORT ?? 4190);
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
  const config = {
    integration_service: "jumpcloud",
    resource: "policy",
    operation: "create",
    parameters: { policyData: { name: "{{compliance.environment}} {{compliance.type}} - {{compliance.department}}", template: "{{policy_template}}" } },
  };
  const input = { compliance: { type: "Security Baseline", environment: "Production", department: "Engineering" }, policy_template: "windows_security_baseline" };
  await dialog.getByLabel("Node config JSON").fill(JSON.stringify(config, null, 2));
  await dialog.getByLabel("Input data JSON (optional)").fill(JSON.stringify(input, null, 2));
  await dialog.getByRole("button", { name: "Import" }).click();
  await page.getByTestId("template-fields").waitFor();
  await page.waitForLoadState("networkidle");
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first.");
  const database = await createTestDatabase("screenshots");
  const simulator = start(process.execPath, ["node_modules/tsx/dist/cli.mjs", "simulator/main.ts"], { SIMULATOR_PORT: String(SIMULATOR_PORT), SIMULATOR_SEED: "1" });
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
    console.log("wrote docs/screenshot-credentials.png and docs/screenshot-node-builder.png");
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
