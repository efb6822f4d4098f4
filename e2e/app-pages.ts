// The app's pages with one record of each kind to show, for the page-wide browser checks (axe, phone layout).
import type { Browser, Page } from "@playwright/test";
import { OWNER_STATE } from "../playwright.config";
import { createUser, signedInContext, withDb } from "./api-accounts";
import { createSimulatorCredential } from "./credentials";
import { simulatorInfo } from "./simulator";
import { expect } from "./test";

export const PAGES_CREDENTIAL = "Pages Simulator";
const NODE = "Pages policy list";

/** One of each record the detail pages show, created through the UI when an earlier spec did not leave one. */
async function ensureRecords(browser: Browser): Promise<{ credentialId: string; nodeId: string; runId: string }> {
  const page = await browser.newPage({ storageState: OWNER_STATE });
  await page.goto("/credentials");
  if ((await page.getByTestId(`credential-row-${PAGES_CREDENTIAL}`).count()) === 0) {
    await createSimulatorCredential(page, { name: PAGES_CREDENTIAL, apiKey: (await simulatorInfo()).keys.singleOrg });
  }
  const existing = await withDb(async (db) => (await db.query<{ id: string }>(`select id from "NodeConfig" where name = $1`, [NODE])).rows[0]?.id);
  if (!existing) {
    await page.goto("/node-builder/new");
    await page.getByLabel("Credential").selectOption({ label: `${PAGES_CREDENTIAL} · API Key` });
    await page.getByLabel("Node name").fill(NODE);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("builder-notice")).toContainText(`Saved "${NODE}"`);
    await page.getByRole("button", { name: "Run node" }).click();
    await expect(page.getByTestId("run-result")).toHaveAttribute("data-runs", "1", { timeout: 30_000 });
  }
  await page.close();
  return withDb(async (db) => {
    const one = async (sql: string, params: unknown[] = []) => (await db.query<{ id: string }>(sql, params)).rows[0]!.id;
    return {
      credentialId: await one(`select id from "Credential" where name = $1`, [PAGES_CREDENTIAL]),
      nodeId: await one(`select id from "NodeConfig" where name = $1`, [NODE]),
      runId: await one(`select id from "Run" order by "startedAt" desc limit 1`),
    };
  });
}

export interface AppPages {
  owner: string[];
  viewer: string[];
  /** A signed-in viewer's cookies, for browser.newContext({ storageState }). */
  viewerState: Awaited<ReturnType<Awaited<ReturnType<typeof signedInContext>>["storageState"]>>;
}

/** Every page an owner can open, the ones a viewer can, and a viewer's session. */
export async function appPages(browser: Browser, baseURL: string): Promise<AppPages> {
  const { credentialId, nodeId, runId } = await ensureRecords(browser);
  const viewer = await createUser("viewer", "pages-viewer");
  const context = await signedInContext(baseURL, viewer);
  const viewerState = await context.storageState();
  await context.dispose();
  return {
    owner: [
      "/credentials",
      "/credentials/new",
      `/credentials/${credentialId}`,
      "/node-builder",
      "/node-builder/new",
      `/node-builder/${nodeId}`,
      "/runs",
      `/runs/${runId}`,
      "/settings",
      "/settings/users",
      "/settings/api-tokens",
      "/settings/audit",
      "/api-reference",
    ],
    viewer: ["/credentials", "/node-builder", `/node-builder/${nodeId}`, "/runs", `/runs/${runId}`, "/settings"],
    viewerState,
  };
}

/** The page as a keyboard or screen-reader user meets it, once its client code has run. */
export async function settle(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
}
