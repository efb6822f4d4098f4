// Baselines and drift in the browser: capture two policies, change an association and a value through the
// simulator's JumpCloud API, run a drift check, see both items side by side, revert one (the confirmation shows the
// planned requests) and accept the other; the next check is clean.
import { randomUUID } from "node:crypto";
import { expect, test } from "./test";
import { SIMULATOR_ORIGIN } from "../playwright.config";
import { createSimulatorCredential } from "./credentials";
import { simulatorInfo } from "./simulator";

type Json = Record<string, unknown>;

test("capture a baseline, see drift side by side, revert one change and accept the other; the next check is clean", async ({ page }) => {
  // Four checks and captures through the credential, each reading two policies, in one flow.
  test.slow();
  const info = await simulatorInfo();
  const headers = { "x-api-key": info.keys.singleOrg, "Content-Type": "application/json", Accept: "application/json" };
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${SIMULATOR_ORIGIN}/api/v2${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    expect(response.ok, `${method} ${path}`).toBe(true);
    return response.status === 204 ? undefined : ((await response.json()) as unknown);
  };

  // Two policies with a number field: one gets an extra association, the other a changed value.
  const policies = (await api("GET", "/policies?limit=100")) as Array<{ id: string; name: string }>;
  const withNumbers: Array<{ id: string; name: string; details: Json }> = [];
  for (const policy of policies) {
    const details = (await api("GET", `/policies/${policy.id}`)) as Json & { configFields: Json[] };
    if (details.configFields.some((f) => f.displayType === "number")) withNumbers.push({ ...policy, details });
    if (withNumbers.length === 2) break;
  }
  const [associated, valued] = withNumbers as [(typeof withNumbers)[number], (typeof withNumbers)[number]];

  const credentialName = `Drift credential ${randomUUID().slice(0, 6)}`;
  await createSimulatorCredential(page, { name: credentialName, apiKey: info.keys.singleOrg });
  const baselineName = `Drift baseline ${randomUUID().slice(0, 6)}`;
  await page.goto("/baselines");
  const form = page.getByTestId("capture-baseline");
  await form.getByLabel("Baseline name").fill(baselineName);
  await form.getByLabel("Credential").selectOption({ label: credentialName });
  const list = form.getByRole("list", { name: "Policies" });
  for (const policy of [associated, valued]) {
    await form.getByLabel("Filter policies").fill(policy.name);
    await list.getByRole("checkbox", { name: policy.name, exact: true }).check();
  }
  await expect(form.getByText("2 of")).toBeVisible();
  await form.getByRole("button", { name: "Capture baseline" }).click();
  await expect(page.getByRole("heading", { name: baselineName })).toBeVisible();
  await expect(page.getByTestId("baseline-version")).toHaveText("1");

  // Reality moves: a system joins the first policy, a value of the second changes.
  const bound = new Set(((await api("GET", `/policies/${associated.id}/associations?targets=system&limit=100`)) as Array<{ to: { id: string } }>).map((a) => a.to.id));
  const system = info.systems.find((s) => s.orgId === info.orgs[0]!.id && !bound.has(s.id))!;
  await api("POST", `/policies/${associated.id}/associations`, { op: "add", type: "system", id: system.id });
  const details = valued.details as Json & { values: Array<{ configFieldID: string; value: unknown }>; configFields: Json[] };
  const field = details.configFields.find((f) => f.displayType === "number")!;
  const before = details.values.find((v) => v.configFieldID === field.id)!.value as number;
  const min = ((field.validators as Json | undefined)?.min as number | undefined) ?? 0;
  const after = before === min ? min + 1 : min;
  await api("PUT", `/policies/${valued.id}`, {
    name: details.name,
    notes: details.notes,
    values: details.values.map((v) => (v.configFieldID === field.id ? { ...v, value: after } : v)),
  });

  await page.getByRole("button", { name: "Run drift check" }).click();
  await expect(page.getByTestId("check-result")).toHaveText("2 open (2 new, 0 resolved).");
  const open = page.getByTestId("open-drift");
  const added = open.locator('[data-testid="drift-item"][data-kind="associationAdded"]');
  const changed = open.locator('[data-testid="drift-item"][data-kind="valueChanged"]');
  await expect(added.getByTestId("drift-expected")).toHaveText("absent");
  await expect(added.getByTestId("drift-actual")).toHaveText(`system ${system.id}`);
  await expect(added.getByTestId("drift-since")).toContainText("since ");
  await expect(changed.getByTestId("drift-expected")).toHaveText(String(before));
  await expect(changed.getByTestId("drift-actual")).toHaveText(String(after));

  // Revert the association: the confirmation shows the planned request before anything is sent.
  await added.getByRole("button", { name: "Revert…" }).click();
  const revert = page.getByRole("dialog", { name: "Revert to the baseline?" });
  await expect(revert.getByTestId("revert-changes")).toHaveText(`remove system ${system.id}`);
  const request = revert.getByTestId("revert-request");
  await expect(request).toContainText(`POST ${SIMULATOR_ORIGIN}/api/v2/policies/${associated.id}/associations`);
  await expect(request).toContainText('"op": "remove"');
  await revert.getByRole("button", { name: "Send and revert" }).click();
  await expect(revert).toBeHidden();
  await expect(page.getByTestId("resolved-drift").locator('[data-kind="associationAdded"]').getByTestId("drift-since")).toContainText("reverted");
  const stillBound = (await api("GET", `/policies/${associated.id}/associations?targets=system&limit=100`)) as Array<{ to: { id: string } }>;
  expect(stillBound.some((a) => a.to.id === system.id)).toBe(false);

  // Accept the value: the baseline takes it as version 2.
  await changed.getByRole("button", { name: "Accept" }).click();
  const accept = page.getByRole("dialog", { name: "Accept into the baseline?" });
  await accept.getByRole("button", { name: "Accept change" }).click();
  await expect(accept).toBeHidden();
  await expect(page.getByTestId("baseline-version")).toHaveText("2");
  await expect(page.getByTestId("versions")).toContainText("Accepted valueChanged");

  await page.getByRole("button", { name: "Run drift check" }).click();
  await expect(page.getByTestId("check-result")).toHaveText("No drift: reality matches the baseline.");
  await expect(page.getByTestId("open-drift")).toHaveCount(0);
  await expect(page.getByTestId("resolved-drift").getByTestId("drift-item")).toHaveCount(2);
});
