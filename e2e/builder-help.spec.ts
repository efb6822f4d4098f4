// Issue 12, items 11-15: expression help ({{ }} autocompletion, dragging input keys), pickers for systems and
// groups, names beside ids, the run detail (resolved parameters, input, masked requests, Open in builder, Run
// again) and the examples gallery with export and import of the sample input and credential.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "./test";
import { OWNER_STATE, SIMULATOR_ORIGIN } from "../playwright.config";
import { ensureSimulatorCredential } from "./credentials";
import { resetSimulator, simulatorInfo, type SimulatorInfo } from "./simulator";

const CREDENTIAL = "Builder Help Simulator";
let sim: SimulatorInfo;
const real = { systems: [] as Array<{ _id: string; hostname: string; os: string }>, groups: [] as Array<{ id: string; name: string }>, policies: [] as Array<{ id: string; name: string }>, templates: [] as Array<{ id: string }> };

async function simGet<T>(path: string): Promise<T> {
  const response = await fetch(`${SIMULATOR_ORIGIN}${path}`, { headers: { "x-api-key": sim.keys.singleOrg, accept: "application/json" } });
  if (!response.ok) throw new Error(`simulator ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

test.beforeAll(async ({ browser }) => {
  await resetSimulator();
  sim = await simulatorInfo();
  real.systems = (await simGet<{ results: typeof real.systems }>("/api/systems?limit=100&sort=hostname")).results;
  real.groups = await simGet<typeof real.groups>("/api/v2/systemgroups?limit=100&sort=name");
  real.policies = await simGet<typeof real.policies>("/api/v2/policies?limit=100");
  real.templates = await simGet<typeof real.templates>("/api/v2/policytemplates?limit=1");
  const page = await browser.newPage({ storageState: OWNER_STATE });
  await ensureSimulatorCredential(page, { name: CREDENTIAL, apiKey: sim.keys.singleOrg });
  await page.close();
});

async function openExample(page: Page, title: string) {
  await page.goto("/node-builder/new");
  await page.getByTestId("examples-gallery").getByRole("link", { name: new RegExp(title) }).click();
  await expect(page).toHaveURL(/\?example=/);
  await page.getByLabel("Credential").selectOption({ label: `${CREDENTIAL} · API Key` });
}

const field = (page: Page, path: string) => page.locator(`[data-field="${path}"]`);

async function runNode(page: Page) {
  const result = page.getByTestId("run-result");
  const before = (await result.count()) === 0 ? 0 : Number(await result.getAttribute("data-runs"));
  await page.getByRole("button", { name: "Run node" }).click();
  await expect(result).toHaveAttribute("data-runs", String(before + 1), { timeout: 30_000 });
}

test.describe.serial("builder help", () => {
  test("examples gallery: the guide's examples with their input, ready to preview; export and import keep input and credential", async ({ page }) => {
    await page.goto("/node-builder/new");
    const gallery = page.getByTestId("examples-gallery");
    await expect(gallery.getByRole("link")).toHaveCount(12);
    await expect(gallery).toContainText("Getting Policy Results with Filtering");

    await openExample(page, "Creating a Policy with Template Variables");
    await expect(page.getByLabel("Node name")).toHaveValue("Creating a Policy with Template Variables");
    await expect(page.getByTestId("input-editor")).toContainText('"department": "Engineering"');
    await expect(page.getByTestId("template-preview-policyData.name")).toHaveText("Production Security Baseline - Engineering");
    await expect(page.getByTestId("planned-request").last()).toContainText(`POST ${SIMULATOR_ORIGIN}/api/v2/policies`);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export", exact: true }).click();
    const exported = JSON.parse(await readFile(await (await download).path(), "utf8")) as { node: Record<string, unknown>; input: unknown };
    expect(exported.node).toMatchObject({ resource: "policy", operation: "create", credential: { name: CREDENTIAL } });
    expect(exported.input).toMatchObject({ policy_template: "windows_security_baseline" });

    await page.goto("/node-builder/new");
    await page.getByLabel("Credential").selectOption("");
    await page.getByRole("button", { name: "Import" }).click();
    const dialog = page.getByRole("dialog", { name: "Import node config" });
    await dialog.getByLabel("Node config JSON").fill(JSON.stringify(exported));
    await dialog.getByRole("button", { name: "Import" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByLabel("Credential")).toHaveValue(/.+/);
    await expect(page.getByLabel("Credential").locator("option:checked")).toHaveText(`${CREDENTIAL} · API Key`);
    await expect(page.getByTestId("input-editor")).toContainText('"policy_template": "windows_security_baseline"');
    await expect(page.getByTestId("template-preview-policyData.name")).toHaveText("Production Security Baseline - Engineering");
  });

  test("expression help in form fields: {{ completes input keys; a key dragged onto a field inserts its template", async ({ page }) => {
    await openExample(page, "Creating a Policy with Template Variables");
    const name = field(page, "policyData.name").getByRole("combobox");
    await name.fill("");
    await name.pressSequentially("Baseline {{ compliance.env");
    const keys = page.getByRole("listbox", { name: "Input data keys" });
    await expect(keys.getByRole("option")).toHaveText([/compliance\.environment/]);
    await name.press("Enter");
    await expect(name).toHaveValue("Baseline {{ compliance.environment }}");
    await expect(page.getByTestId("template-preview-policyData.name")).toHaveText("Baseline Production");

    // Drag a key from the input-data tree onto the template field.
    const template = field(page, "policyData.template").getByRole("combobox");
    await template.fill("");
    // The drag's own events, with one DataTransfer from dragstart to drop (a mouse drag across a scrolling page is
    // at the mercy of the machine's load; the handlers are what is under test).
    const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
    await page.getByTestId("input-key-tree").locator('[data-key="policy_template"]').dispatchEvent("dragstart", { dataTransfer });
    await template.dispatchEvent("dragover", { dataTransfer });
    await template.dispatchEvent("drop", { dataTransfer });
    await expect(template).toHaveValue("{{ policy_template }}");
    await expect(page.getByTestId("template-preview-policyData.template")).toHaveText("windows_security_baseline");

  });

  test("expression help in the JSON tab: {{ }} completes the same input keys", async ({ page }) => {
    await openExample(page, "Creating a Policy with Template Variables");
    await page.getByRole("tab", { name: "JSON" }).click();
    const editor = page.getByTestId("config-editor");
    await editor.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText('{"integration_service": "jumpcloud", "resource": "policy", "operation": "create", "parameters": {"policyData": {"name": "');
    await editor.pressSequentially("{{ compliance.dep");
    // Picked with the mouse: CodeMirror ignores Enter for its first 75 ms (interactionDelay), a race on a busy machine.
    await page.locator(".cm-tooltip-autocomplete li", { hasText: "compliance.department" }).click();
    // A template that exists: the form loads its fields as soon as the JSON is valid.
    await page.keyboard.insertText(`", "template": "${real.templates[0]!.id}"}}}`);
    await expect(editor).toContainText('"name": "{{ compliance.department }}"');
    await page.getByRole("tab", { name: "Form" }).click();
    await expect(page.getByTestId("template-preview-policyData.name")).toHaveText("Engineering");
  });

  test("pickers: a system searched by hostname, a system group by name, op and type as selects", async ({ page }) => {
    const system = real.systems[3]!;
    await page.goto("/node-builder/new");
    await page.getByLabel("Credential").selectOption({ label: `${CREDENTIAL} · API Key` });
    await page.getByLabel("Resource").selectOption("policyStatus");
    await page.getByRole("region", { name: "Operation" }).getByRole("combobox", { name: "Operation", exact: true }).selectOption("listForSystem");
    await page.getByRole("button", { name: "Pick System from a list" }).click();
    await page.getByLabel("Search System").fill(system.hostname);
    const options = page.getByRole("listbox", { name: "System options" }).getByRole("option");
    await expect(options.filter({ hasText: system._id })).toContainText(system.hostname);
    await expect(options.filter({ hasText: system._id })).toContainText(system.os);
    await options.filter({ hasText: system._id }).getByRole("button").click();
    await expect(field(page, "systemId").getByRole("combobox")).toHaveValue(system._id);

    const group = real.groups[2]!;
    await page.getByLabel("Resource").selectOption("policyAssociation");
    await page.getByRole("region", { name: "Operation" }).getByRole("combobox", { name: "Operation", exact: true }).selectOption("manage");
    const op = field(page, "associationData.op").locator("select");
    await expect(op.locator("option")).toHaveText(["(choose)", "Add", "Remove", "Update", "Expression {{ }}…"]);
    await op.selectOption("remove");
    await field(page, "associationData.type").locator("select").selectOption("system_group");
    await page.getByRole("button", { name: "Pick Target ID from a list" }).click();
    await page.getByLabel("Search Target ID").fill(group.name);
    const groupOption = page.getByRole("listbox", { name: "Target ID options" }).getByRole("option").filter({ hasText: group.id });
    await expect(groupOption).toContainText(group.name);
    await groupOption.getByRole("button").click();
    await expect(field(page, "associationData.id").getByRole("combobox")).toHaveValue(group.id);
    await expect(page.getByTestId("resolved-parameters").locator('tr[data-param="associationData.op"]')).toContainText("remove");
  });

  test("names beside ids in the result table and the run detail; the run detail shows what ran and runs it again", async ({ page }) => {
    await openExample(page, "Getting Policy Results with Filtering");
    // The guide's ids are placeholders: a real system of the simulator's organization, with no status filter.
    const system = real.systems[0]!;
    await page.getByRole("tab", { name: "JSON" }).click();
    const editor = page.getByTestId("config-editor");
    await editor.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText('{"integration_service": "jumpcloud", "resource": "policyStatus", "operation": "listForSystem", "parameters": {"systemId": "{{system_id}}", "options": {"limit": 5}}}');
    await page.getByRole("tab", { name: "Form" }).click();
    const input = page.getByTestId("input-editor");
    await input.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText(`{"system_id": "${system._id}", "note": "from the gallery"}`);
    await expect(page.getByTestId("template-preview-systemId")).toHaveText(system._id);
    await runNode(page);
    await expect(page.getByTestId("run-success")).toBeVisible();
    const table = page.getByTestId("items-table");
    // Every row names its system (hostname) and its policy beside the ids.
    await expect(table.getByTestId("id-name").filter({ hasText: system.hostname }).first()).toBeVisible();
    const policyNames = real.policies.map((policy) => policy.name);
    const named = await table.getByTestId("id-name").allTextContents();
    expect(named.some((text) => policyNames.includes(text))).toBe(true);

    await page.getByRole("link", { name: "Run record" }).click();
    // The node from the example was never saved: the builder asks before leaving it.
    await page.getByRole("dialog", { name: "Leave without saving?" }).getByRole("button", { name: "Leave without saving" }).click();
    await expect(page).toHaveURL(/\/runs\/[a-z0-9-]+$/);
    const runUrl = page.url();
    await expect(page.getByTestId("run-parameters")).toContainText(`"systemId": "${system._id}"`);
    await expect(page.getByTestId("run-input")).toContainText('"note": "from the gallery"');
    const requests = page.getByTestId("run-requests");
    await expect(requests).toContainText(`GET ${SIMULATOR_ORIGIN}/api/v2/systems/${system._id}/policystatuses?limit=5`);
    await expect(requests).toContainText("x-api-key: ••••");
    await expect(requests).not.toContainText(sim.keys.singleOrg);
    await expect(page.getByTestId("items-table").getByTestId("id-name").filter({ hasText: system.hostname }).first()).toBeVisible();

    await page.getByRole("button", { name: "Run again" }).click();
    await expect(page).not.toHaveURL(runUrl);
    await expect(page).toHaveURL(/\/runs\/[a-z0-9-]+$/);
    await expect(page.getByTestId("run-field-status")).toContainText("success");
    await expect(page.getByTestId("run-input")).toContainText('"note": "from the gallery"');

    await page.getByRole("link", { name: "Open in builder" }).click();
    await expect(page).toHaveURL(/\/node-builder\/new\?run=/);
    await expect(page.getByTestId("input-editor")).toContainText('"note": "from the gallery"');
    await expect(page.getByTestId("template-preview-systemId")).toHaveText(system._id);
    await expect(page.getByLabel("Credential").locator("option:checked")).toHaveText(`${CREDENTIAL} · API Key`);
  });
});
