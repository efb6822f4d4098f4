// The app's pages with one record of each kind to show, for the page-wide browser checks (axe, phone layout).
import type { Browser, Page } from "@playwright/test";
import { ALERT_RECEIVER_ORIGIN, OWNER_STATE, SIMULATOR_ORIGIN } from "../playwright.config";
import { anonymousContext, createToken, createUser, ownerId, signedInContext, withDb } from "./api-accounts";
import { ensureSimulatorCredential } from "./credentials";
import { simulatorInfo } from "./simulator";
import { expect } from "./test";

export const PAGES_CREDENTIAL = "Pages Simulator";
const NODE = "Pages policy list";
const MONITOR = "Pages monitor";
const BASELINE = "Pages baseline";
const DESTINATION = "Pages webhook";

interface Records {
  credentialId: string;
  nodeId: string;
  runId: string;
  monitorId: string;
  baselineId: string;
  destinationId: string;
  /** A policy and a system of the monitor's last snapshot, for the compliance drill-down pages. */
  policyId: string;
  systemId: string;
}

const idByName = (table: string, name: string) =>
  withDb(async (db) => (await db.query<{ id: string }>(`select id from "${table}" where name = $1`, [name])).rows[0]?.id);

/** The monitor (with a finished snapshot), baseline and webhook the compliance, drift and alert pages show, made over the API. */
async function ensureMonitoringRecords(baseURL: string, credentialId: string): Promise<Pick<Records, "monitorId" | "baselineId" | "destinationId">> {
  const engine = await anonymousContext(baseURL);
  const token = await createToken(await ownerId(), ["monitors:read", "monitors:write", "baselines:write", "alerts:write"]);
  const headers = { Authorization: `Bearer ${token}` };
  const created = async (path: string, data: unknown) => {
    const response = await engine.post(path, { headers, data });
    if (response.status() !== 201) throw new Error(`POST ${path}: HTTP ${response.status()} ${await response.text()}`);
    return ((await response.json()) as { id?: string; destination?: { id: string } });
  };
  try {
    const destinationId =
      (await idByName("AlertDestination", DESTINATION)) ?? (await created("/api/v1/alert-destinations", { name: DESTINATION, url: `${ALERT_RECEIVER_ORIGIN}/hook` })).destination!.id;
    let monitorId = await idByName("Monitor", MONITOR);
    if (!monitorId) {
      monitorId = (await created("/api/v1/monitors", { name: MONITOR, credentialId, schedule: { kind: "daily", time: "03:00" } })).id!;
      const run = await engine.post(`/api/v1/monitors/${monitorId}/run`, { headers });
      if (run.status() !== 202) throw new Error(`running the monitor: HTTP ${run.status()}`);
    }
    const snapshotDone = () =>
      withDb(async (db) => (await db.query(`select 1 from "ComplianceSnapshot" where "monitorId" = $1 and status = 'success'`, [monitorId])).rowCount);
    await expect.poll(snapshotDone, { timeout: 60_000 }).toBeTruthy();
    let baselineId = await idByName("Baseline", BASELINE);
    if (!baselineId) {
      const info = await simulatorInfo();
      const policies = (await (await fetch(`${SIMULATOR_ORIGIN}/api/v2/policies?limit=2`, { headers: { "x-api-key": info.keys.singleOrg } })).json()) as Array<{ id: string }>;
      baselineId = (await created("/api/v1/baselines", { name: BASELINE, credentialId, policyIds: policies.map((policy) => policy.id) })).id!;
    }
    return { monitorId, baselineId, destinationId };
  } finally {
    await engine.dispose();
  }
}

/** The credential the page checks show, created through the UI when an earlier spec did not leave it. */
export async function ensurePagesCredential(page: Page): Promise<void> {
  await ensureSimulatorCredential(page, { name: PAGES_CREDENTIAL, apiKey: (await simulatorInfo()).keys.singleOrg });
}

/** One of each record the detail pages show, created when an earlier spec did not leave one. */
async function ensureRecords(browser: Browser, baseURL: string): Promise<Records> {
  const page = await browser.newPage({ storageState: OWNER_STATE });
  await ensurePagesCredential(page);
  const existing = await idByName("NodeConfig", NODE);
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
  const credentialId = (await idByName("Credential", PAGES_CREDENTIAL))!;
  const monitoring = await ensureMonitoringRecords(baseURL, credentialId);
  return withDb(async (db) => {
    const row = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0]!;
    const pair = await row(`select "policyId", "systemId" from "CompliancePair" where "monitorId" = $1 order by id limit 1`, [monitoring.monitorId]);
    return {
      ...monitoring,
      credentialId,
      nodeId: (await row(`select id from "NodeConfig" where name = $1`, [NODE])).id,
      runId: (await row(`select id from "Run" order by "startedAt" desc limit 1`)).id,
      policyId: pair.policyId,
      systemId: pair.systemId,
    };
  });
}

export interface AppPages {
  owner: string[];
  viewer: string[];
  /** A signed-in viewer's cookies, for browser.newContext({ storageState }). */
  viewerState: Awaited<ReturnType<Awaited<ReturnType<typeof signedInContext>>["storageState"]>>;
}

/** Every page an owner can open, the ones that differ for a viewer, and a viewer's session. */
export async function appPages(browser: Browser, baseURL: string): Promise<AppPages> {
  const records = await ensureRecords(browser, baseURL);
  const { credentialId, nodeId, runId, monitorId, baselineId, destinationId } = records;
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
      "/settings/alerts",
      `/settings/alerts/${destinationId}`,
      "/api-reference",
      "/compliance",
      `/compliance/policies/${records.policyId}`,
      `/compliance/systems/${records.systemId}`,
      "/monitors",
      "/monitors/new",
      `/monitors/${monitorId}`,
      `/monitors/${monitorId}/edit`,
      "/baselines",
      `/baselines/${baselineId}`,
    ],
    // The pages whose controls differ for a viewer (read-only forms, no actions), not every page again.
    viewer: ["/credentials", `/node-builder/${nodeId}`, `/runs/${runId}`, `/monitors/${monitorId}`, `/baselines/${baselineId}`, "/settings/alerts"],
    viewerState,
  };
}

/** The page as a keyboard or screen-reader user meets it, once its client code has run. */
export async function settle(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
}
