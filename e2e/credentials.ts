import { expect, type Page } from "@playwright/test";
import { OWNER_STATE, SIMULATOR_ORIGIN } from "../playwright.config";
import { simulatorInfo, type SimulatorInfo } from "./simulator";
import { test } from "./test";

/** Opens Add New Credential and waits until the form is interactive. */
export async function openNewCredentialForm(page: Page): Promise<void> {
  await page.goto("/credentials/new");
  await page.locator("form[data-hydrated]").waitFor();
}

/** Fills the Add New Credential form for an API key on the simulator (does not press a button). */
export async function fillApiKeyCredential(page: Page, { name, apiKey, orgId }: { name: string; apiKey: string; orgId?: string }): Promise<void> {
  await openNewCredentialForm(page);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("radio", { name: /API Key/ }).check();
  await page.getByLabel("API Key", { exact: true }).fill(apiKey);
  if (orgId) await page.getByLabel("Default Organization ID (optional)").fill(orgId);
  await page.getByText("Connection: Region, Custom Base URL").click();
  await page.getByLabel("Custom Base URL (optional)").fill(SIMULATOR_ORIGIN);
}

/** Creates and saves an API-key credential that points at the simulator, through the Credentials UI. */
export async function createSimulatorCredential(page: Page, options: { name: string; apiKey: string; orgId?: string }): Promise<void> {
  await fillApiKeyCredential(page, options);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/credentials$/);
  await expect(page.getByTestId(`credential-row-${options.name}`)).toBeVisible();
}

/** The simulator credential a spec works with: created through the UI unless an earlier run of it left one. */
export async function ensureSimulatorCredential(page: Page, options: { name: string; apiKey: string }): Promise<void> {
  await page.goto("/credentials");
  if ((await page.getByTestId(`credential-row-${options.name}`).count()) === 0) await createSimulatorCredential(page, options);
}

/**
 * A spec file's simulator credential, made (or found) in a beforeAll this registers; returns the simulator's facts,
 * readable once that hook has run.
 */
export function simulatorCredential(name: string): () => SimulatorInfo {
  let info: SimulatorInfo | undefined;
  test.beforeAll(async ({ browser }) => {
    info = await simulatorInfo();
    const page = await browser.newPage({ storageState: OWNER_STATE });
    await ensureSimulatorCredential(page, { name, apiKey: info.keys.singleOrg });
    await page.close();
  });
  return () => {
    if (!info) throw new Error("the simulator credential's beforeAll has not run");
    return info;
  };
}
