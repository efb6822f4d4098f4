// Dynamic assignment: a sync node with a list of 25 groups shows its plan in the preview (the exact requests, with
// copy as curl), applies it, and a second run changes nothing and reports 25 already present; the planner over the
// HTTP API refuses an apply whose fresh plan differs from the one reviewed.
import { expect, test, type Page } from "./test";
import { OWNER_STATE, SIMULATOR_ORIGIN } from "../playwright.config";
import { createToken, ownerId } from "./api-accounts";
import { ensureSimulatorCredential } from "./credentials";
import { setSimulatorOptions, simulatorInfo } from "./simulator";

const CREDENTIAL = "Sync Simulator";
/** The simulator's default seed size, restored afterwards so other spec files see the data they expect. */
const DEFAULT_GROUPS = 6;

let apiKey: string;
let groups: string[];
let policyId: string;

async function sim<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${SIMULATOR_ORIGIN}/api/v2${path}`, { ...init, headers: { "x-api-key": apiKey, "content-type": "application/json", accept: "application/json" } });
  if (!response.ok) throw new Error(`simulator ${path}: HTTP ${response.status}`);
  // Association writes answer 204 with no body.
  return (response.status === 204 ? undefined : await response.json()) as T;
}

const associations = async (id: string) => (await sim<Array<{ to: { type: string; id: string } }>>(`/policies/${id}/associations?targets=system_group&limit=100`)).map((a) => a.to.id).sort();

async function newPolicy(name: string): Promise<string> {
  const [template] = await sim<Array<{ id: string }>>("/policytemplates?limit=1");
  return (await sim<{ id: string }>("/policies", { method: "POST", body: JSON.stringify({ name, template: { id: template!.id } }) })).id;
}

test.beforeAll(async ({ browser }) => {
  await setSimulatorOptions({ size: { systemGroups: 30 } });
  apiKey = (await simulatorInfo()).keys.singleOrg;
  groups = (await sim<Array<{ id: string }>>("/systemgroups?limit=100")).map((g) => g.id);
  expect(groups.length).toBeGreaterThanOrEqual(25);
  policyId = await newPolicy("Sync 25 groups");
  const page = await browser.newPage({ storageState: OWNER_STATE });
  await ensureSimulatorCredential(page, { name: CREDENTIAL, apiKey });
  await page.close();
});

test.afterAll(async () => {
  await setSimulatorOptions({ size: { systemGroups: DEFAULT_GROUPS } });
});

async function runAndReadItems(page: Page, confirmation: string): Promise<Array<{ action: string; outcome: string; id: string }>> {
  const result = page.getByTestId("run-result");
  const before = (await result.count()) === 0 ? 0 : Number(await result.getAttribute("data-runs"));
  await page.getByRole("button", { name: "Run node" }).click();
  // The summary, then the policy it names by name (looked up through the credential).
  const message = page.getByRole("dialog").getByTestId("confirm-message");
  await expect(message).toContainText(confirmation);
  await expect(message).toContainText("Sync 25 groups");
  await page.getByRole("dialog").getByRole("button").filter({ hasNotText: "Cancel" }).click();
  await expect(result).toHaveAttribute("data-runs", String(before + 1), { timeout: 30_000 });
  await expect(page.getByTestId("run-success")).toBeVisible();
  await page.getByTestId("run-success").getByRole("tab", { name: "JSON" }).click();
  return JSON.parse((await page.getByTestId("run-json").textContent()) ?? "[]") as Array<{ action: string; outcome: string; id: string }>;
}

test("a sync node with 25 groups previews the plan, applies it, and a second run changes nothing", async ({ page }) => {
  const desired = groups.slice(0, 25);
  await page.goto("/node-builder/new");
  await page.getByLabel("Credential").selectOption({ label: `${CREDENTIAL} · API Key` });
  await page.getByRole("button", { name: "Import" }).click();
  const dialog = page.getByRole("dialog", { name: "Import node config" });
  const config = {
    integration_service: "jumpcloud",
    resource: "policyAssociation",
    operation: "sync",
    parameters: { policyId: "{{ policy_id }}", targets: "{{ groups }}", targetType: "system_group", mode: "add-only" },
  };
  await dialog.getByLabel("Node config JSON").fill(JSON.stringify(config, null, 2));
  await dialog.getByLabel("Input data JSON (optional)").fill(JSON.stringify({ policy_id: policyId, groups: desired.map((id) => ({ id, type: "system_group" })) }, null, 2));
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog).toBeHidden();

  // The plan: one read of the current group associations, then one add per group, each with its curl.
  const requests = page.getByTestId("planned-request");
  await expect(requests).toHaveCount(26);
  await expect(requests.first()).toContainText(`GET ${SIMULATOR_ORIGIN}/api/v2/policies/${policyId}/associations?targets=system_group&limit=100&skip=0`);
  await expect(requests.nth(1)).toContainText(`"id": "${desired[0]}"`);
  await expect(requests.nth(25)).toContainText(`Add system group ${desired[24]}, unless it is already associated`);
  await requests.nth(1).locator("summary").click();
  await expect(requests.nth(1).getByTestId("curl")).toContainText(`-d '{"op":"add","type":"system_group","id":"${desired[0]}"}'`);

  const first = await runAndReadItems(page, `Associate policy ${policyId} with 25 targets that are not associated yet (nothing is removed)`);
  expect(first).toHaveLength(25);
  expect(first.every((item) => item.action === "add" && item.outcome === "added")).toBe(true);
  expect(await associations(policyId)).toEqual([...desired].sort());

  const second = await runAndReadItems(page, `Associate policy ${policyId} with 25 targets that are not associated yet (nothing is removed)`);
  expect(second.map((item) => item.outcome)).toEqual(Array(25).fill("alreadyPresent"));
  await expect(page.getByTestId("run-requests")).toHaveText("1");
  expect(await associations(policyId)).toEqual([...desired].sort());
});

test("the planner over the API: plan, a stale apply refused, exact apply, per-item outcomes", async ({ request }) => {
  const token = await createToken(await ownerId(), ["plans:read", "plans:apply"]);
  const headers = { Authorization: `Bearer ${token}` };
  const target = await newPolicy("Sync API");
  await sim(`/policies/${target}/associations`, { method: "POST", body: JSON.stringify({ op: "add", type: "system_group", id: groups[0] }) });
  const body = { credential: CREDENTIAL, policyId: target, targets: groups.slice(1, 4), targetType: "system_group", mode: "exact" };

  const planned = await request.post("/api/v1/associations/plan", { headers, data: body });
  expect(planned.status()).toBe(200);
  const plan = (await planned.json()) as { counts: unknown; steps: Array<{ action: string; request?: { headers: Record<string, string> } }> };
  expect(plan.counts).toEqual({ add: 3, remove: 1, unchanged: 0 });
  expect(plan.steps[0]!.request!.headers["x-api-key"]).toBe("••••");

  const stale = await request.post("/api/v1/associations/apply", { headers, data: { ...body, expected: { add: 3, remove: 0 } } });
  expect(stale.status()).toBe(409);
  expect(await associations(target)).toEqual([groups[0]!]);

  const applied = await request.post("/api/v1/associations/apply", { headers, data: { ...body, expected: { add: 3, remove: 1 } } });
  expect(applied.status()).toBe(200);
  const { report } = (await applied.json()) as { report: { complete: boolean; counts: Record<string, number> } };
  expect(report).toMatchObject({ complete: true, counts: { added: 3, removed: 1, failed: 0 } });
  expect(await associations(target)).toEqual(groups.slice(1, 4).sort());
});
