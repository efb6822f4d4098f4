import { expect, test, type Page } from "./test";
import pg from "pg";
import { OWNER_STATE, SIMULATOR_ORIGIN } from "../playwright.config";
import { createSimulatorCredential, fillApiKeyCredential, openNewCredentialForm } from "./credentials";
import { setSimulatorOptions, simulatorInfo, simulatorStats } from "./simulator";

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Every way a key could sit in a text column: as is, base64, base64url, hex, URL-encoded, reversed. */
function encodings(secret: string): string[] {
  const bytes = Buffer.from(secret);
  return [secret, bytes.toString("base64"), bytes.toString("base64url"), bytes.toString("hex"), encodeURIComponent(secret), [...secret].reverse().join("")];
}

/** Records every response body the browser receives (pages, RSC payloads, server action results). */
function recordResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    try {
      bodies.push(`${response.url()}\n${JSON.stringify(response.headers())}\n${await response.text()}`);
    } catch {
      // redirects and aborted requests have no body
    }
  });
  return bodies;
}

test.describe.serial("credentials", () => {
  test("an API key credential: Test Connection on the unsaved form succeeds, then it is saved and shown as connected", async ({ page }) => {
    const sim = await simulatorInfo();
    await fillApiKeyCredential(page, { name: "JumpCloud Production", apiKey: sim.keys.singleOrg });
    await page.getByRole("button", { name: "Test Connection" }).click();
    await expect(page.getByTestId("test-outcome")).toContainText("Connected");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("credential-row-JumpCloud Production")).toBeVisible();
    await page.getByRole("button", { name: "Test connection of JumpCloud Production" }).click();
    await expect(page.getByTestId("credential-row-JumpCloud Production").getByTestId("credential-status")).toContainText("Connected");
  });

  test("a wrong key says invalid API key; an org-spanning key without an org id says the org id is required", async ({ page }) => {
    const sim = await simulatorInfo();
    await fillApiKeyCredential(page, { name: "Wrong key", apiKey: "jcsim-not-a-real-key-000000000000" });
    await page.getByRole("button", { name: "Test Connection" }).click();
    await expect(page.getByTestId("test-outcome")).toContainText("Invalid API key");
    await expect(page.getByTestId("test-outcome")).toContainText("Verify your API key is correct and active");

    await fillApiKeyCredential(page, { name: "Multi org", apiKey: sim.keys.multiOrg });
    await page.getByRole("button", { name: "Test Connection" }).click();
    await expect(page.getByTestId("test-outcome")).toContainText("Organization ID required");
    await expect(page.getByTestId("test-outcome")).toContainText("xOrgId");

    await page.getByLabel("Default Organization ID (optional)").fill(sim.orgs[1]!.id);
    await page.getByRole("button", { name: "Test Connection" }).click();
    await expect(page.getByTestId("test-outcome")).toContainText("Connected");
  });

  test("bad field values are refused with a message naming the field", async ({ page }) => {
    await fillApiKeyCredential(page, { name: "Spaces", apiKey: "abc def ghi jkl" });
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("credential-error")).toContainText("API Key must not contain spaces");
    await page.getByRole("radio", { name: /System Context/ }).check();
    await expect(page.getByTestId("auth-type-description")).toContainText("cannot run policy operations");
    await page.getByLabel("System ID").fill("not-an-object-id");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("credential-error")).toContainText("System ID must be 24 hexadecimal characters");
    await expect(page).toHaveURL(/\/credentials\/new$/);
  });

  test("System Context: a seeded system's private key connects; a wrong stored signature is rejected", async ({ page }) => {
    const sim = await simulatorInfo();
    const system = sim.systems[0]!;
    await openNewCredentialForm(page);
    await page.getByLabel("Name", { exact: true }).fill("Device signer");
    await page.getByRole("radio", { name: /System Context/ }).check();
    await page.getByLabel("System ID").fill(system.id);
    await page.getByLabel("Private Key (optional)").fill(system.privateKeyPem);
    await page.getByText("Connection: Region, Custom Base URL").click();
    await page.getByLabel("Custom Base URL (optional)").fill(SIMULATOR_ORIGIN);
    await page.getByRole("button", { name: "Test Connection" }).click();
    await expect(page.getByTestId("test-outcome")).toContainText("Connected");

    await page.getByLabel("Private Key (optional)").fill("");
    await page.getByLabel("System Date (optional)").fill(new Date().toUTCString());
    await page.getByLabel("System Signature (optional)").fill(Buffer.from("not a signature").toString("base64"));
    await page.getByRole("button", { name: "Test Connection" }).click();
    await expect(page.getByTestId("test-outcome")).toContainText("Signature rejected");
  });

  test("editing without replacing the secret keeps it working; the key is in no response, no row, no encoding", async ({ page }) => {
    const sim = await simulatorInfo();
    const bodies = recordResponses(page);
    await createSimulatorCredential(page, { name: "Canary", apiKey: sim.keys.singleOrg });
    await page.getByRole("link", { name: "Edit Canary" }).click();
    await expect(page.getByLabel("API Key", { exact: true })).toHaveValue("•••••••• stored");
    await page.getByLabel("Name", { exact: true }).fill("Canary renamed");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("button", { name: "Test connection of Canary renamed" }).click();
    await expect(page.getByTestId("credential-row-Canary renamed").getByTestId("credential-status")).toContainText("Connected");
    await page.getByRole("link", { name: "Edit Canary renamed" }).click();
    await page.getByRole("button", { name: "Test Connection", exact: true }).click();
    await expect(page.getByTestId("test-outcome")).toContainText("Connected");

    for (const body of bodies) for (const form of encodings(sim.keys.singleOrg)) expect(body).not.toContain(form);
    expect(bodies.length).toBeGreaterThan(5);

    const tables = await query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public'");
    for (const { table_name } of tables) {
      const rows = await query<{ row: string }>(`select t::text as row from "${table_name}" t`);
      for (const { row } of rows) for (const form of encodings(sim.keys.singleOrg)) expect(row, `${table_name} holds the key`).not.toContain(form);
    }
    const [row] = await query<{ secretEnvelope: string }>(`select "secretEnvelope" from "Credential" where name = 'Canary renamed'`);
    expect(row!.secretEnvelope).toMatch(/^v1\.[A-Za-z0-9_-]+\./);
  });

  test("a tampered ciphertext says it cannot be decrypted, and the other credentials keep working", async ({ page }) => {
    await query(`update "Credential" set "secretEnvelope" = regexp_replace("secretEnvelope", '.$', case when right("secretEnvelope", 1) = 'A' then 'B' else 'A' end) where name = 'Canary renamed'`);
    await page.goto("/credentials");
    await page.getByRole("button", { name: "Test connection of Canary renamed" }).click();
    await expect(page.getByTestId("credential-row-Canary renamed").getByTestId("credential-status")).toContainText("Cannot use this credential");
    await expect(page.getByTestId("credential-row-Canary renamed").getByTestId("credential-status")).toHaveAttribute("title", /Cannot decrypt the credential "Canary renamed"/);
    await page.getByRole("button", { name: "Test connection of JumpCloud Production" }).click();
    await expect(page.getByTestId("credential-row-JumpCloud Production").getByTestId("credential-status")).toContainText("Connected");
  });

  test("the list shows the test of the values saved: a replaced key tested on the form is Connected, not the old Invalid API key", async ({ page }) => {
    const sim = await simulatorInfo();
    await fillApiKeyCredential(page, { name: "Rotated key", apiKey: "jcsim-not-a-real-key-000000000000" });
    await page.getByRole("button", { name: "Save" }).click();
    const row = page.getByTestId("credential-row-Rotated key");
    await expect(row.getByTestId("credential-status")).toContainText("Not tested");
    await page.getByRole("button", { name: "Test connection of Rotated key" }).click();
    await expect(row.getByTestId("credential-status")).toContainText("Invalid API key");

    await page.getByRole("link", { name: "Edit Rotated key" }).click();
    await page.locator("form[data-hydrated]").waitFor();
    await page.getByRole("button", { name: "Replace" }).click();
    await page.getByLabel("API Key", { exact: true }).fill(sim.keys.singleOrg);
    await page.getByRole("button", { name: "Test Connection" }).click();
    await expect(page.getByTestId("test-outcome")).toContainText("Connected");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(/\/credentials$/);
    await expect(row.getByTestId("credential-status")).toContainText("Connected");

    // A change after the test makes it stale: the form says so, and the saved credential is Not tested.
    await page.getByRole("link", { name: "Edit Rotated key" }).click();
    await page.locator("form[data-hydrated]").waitFor();
    await page.getByRole("button", { name: "Test Connection" }).click();
    await expect(page.getByTestId("test-outcome")).toContainText("Connected");
    await page.getByText("Connection: Region, Custom Base URL").click();
    await page.getByLabel("Default Organization ID (optional)").fill(sim.orgs[0]!.id);
    await expect(page.getByTestId("test-stale")).toBeVisible();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(/\/credentials$/);
    await expect(row.getByTestId("credential-status")).toContainText("Not tested");
  });

  test("a never-entered optional secret is not shown as stored, and a stored optional one can be cleared", async ({ page }) => {
    const sim = await simulatorInfo();
    const system = sim.systems[1]!;
    await openNewCredentialForm(page);
    await page.getByLabel("Name", { exact: true }).fill("Signed device");
    await page.getByRole("radio", { name: /System Context/ }).check();
    await page.getByLabel("System ID").fill(system.id);
    await page.getByLabel("Private Key (optional)").fill(system.privateKeyPem);
    await page.getByLabel("System Date (optional)").fill(new Date().toUTCString());
    await page.getByText("Connection: Region, Custom Base URL").click();
    await page.getByLabel("Custom Base URL (optional)").fill(SIMULATOR_ORIGIN);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("credential-row-Signed device")).toBeVisible();

    await page.getByRole("link", { name: "Edit Signed device" }).click();
    await page.locator("form[data-hydrated]").waitFor();
    await expect(page.getByLabel("Private Key (optional)")).toHaveValue("•••••••• stored");
    // Never entered: an empty input, not "stored".
    await expect(page.getByLabel("System Signature (optional)")).toHaveValue("");
    await page.getByLabel("System Signature (optional)").fill(Buffer.from("a stored signature").toString("base64"));
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(/\/credentials$/);

    await page.getByRole("link", { name: "Edit Signed device" }).click();
    await page.locator("form[data-hydrated]").waitFor();
    await expect(page.getByLabel("System Signature (optional)")).toHaveValue("•••••••• stored");
    await page.getByRole("button", { name: "Clear Private Key" }).click();
    await expect(page.getByLabel("Private Key (optional)")).toHaveValue("(cleared on save)");
    await page.getByRole("button", { name: "Save" }).click();
    // Only the stored date and signature are left: they expire within minutes, and the save says so.
    const warning = page.getByRole("dialog", { name: "Credential saved, with a warning" });
    await expect(warning).toContainText("about 5 minutes");
    await warning.getByRole("button", { name: "Go to credentials" }).click();
    await expect(page).toHaveURL(/\/credentials$/);
    await page.getByRole("link", { name: "Edit Signed device" }).click();
    await page.locator("form[data-hydrated]").waitFor();
    await expect(page.getByLabel("Private Key (optional)")).toHaveValue("");
    await expect(page.getByLabel("System Signature (optional)")).toHaveValue("•••••••• stored");
  });

  test("Cancel stops a Test Connection that hangs, and the server stops waiting for JumpCloud too", async ({ page }) => {
    const sim = await simulatorInfo();
    const name = `Slow host ${Date.now()}`;
    await fillApiKeyCredential(page, { name, apiKey: sim.keys.singleOrg });
    await setSimulatorOptions({ latencyMs: 60_000 });
    try {
      await page.getByRole("button", { name: "Test Connection" }).click();
      await expect(page.getByRole("button", { name: "Testing…" })).toBeDisabled();
      // Cancel once the server's own request is waiting at the simulator, not merely once the browser sent its own.
      await expect.poll(async () => (await simulatorStats()).inFlight).toBeGreaterThan(0);
      const cancelledAt = Date.now();
      await page.getByRole("button", { name: "Cancel" }).click();
      await expect(page.getByTestId("test-outcome")).toContainText("Cancelled");
      await expect(page.getByRole("button", { name: "Test Connection" })).toBeEnabled();
      // The server's test ended when the browser let go (the audit row says cancelled), long before the
      // 15 s limit or the simulator's 60 s answer.
      await expect
        .poll(async () => (await query<{ kind: string }>(`select metadata->>'kind' as kind from "AuditEvent" where action = 'credential.tested' and target = $1`, [name]))[0]?.kind, {
          timeout: 8_000,
        })
        .toBe("cancelled");
      expect(Date.now() - cancelledAt).toBeLessThan(10_000);
      // And its outbound request was dropped, not left to run out the simulator's 60 s.
      await expect.poll(async () => (await simulatorStats()).inFlight).toBe(0);
    } finally {
      await setSimulatorOptions({ latencyMs: 0 });
    }
  });

  test("two admins editing the same credential: the second save is refused, nothing is overwritten", async ({ page, browser }) => {
    await page.goto("/credentials");
    await page.getByRole("link", { name: "Edit JumpCloud Production" }).click();
    await expect(page).toHaveURL(/\/credentials\/[0-9a-f-]{36}$/);
    await page.locator("form[data-hydrated]").waitFor();
    const otherContext = await browser.newContext({ storageState: OWNER_STATE });
    const other = await otherContext.newPage();
    await other.goto(page.url());
    await other.locator("form[data-hydrated]").waitFor();
    await other.getByLabel("Description (optional)").fill("first save wins");
    await other.getByRole("button", { name: "Save" }).click();
    await expect(other).toHaveURL(/\/credentials$/);
    await page.getByLabel("Description (optional)").fill("second save must not overwrite");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("credential-error")).toContainText("changed by someone else");
    await otherContext.close();
    const [row] = await query<{ description: string }>(`select description from "Credential" where name = 'JumpCloud Production'`);
    expect(row!.description).toBe("first save wins");
  });

  test("delete asks for confirmation naming the saved nodes that use it, then removes the credential", async ({ page }) => {
    const [credential] = await query<{ id: string }>(`select id from "Credential" where name = 'Canary renamed'`);
    await query(
      `insert into "NodeConfig" (id, name, "integrationService", resource, operation, parameters, "credentialId", "updatedAt")
       values ('e2e-node-using-canary', 'Weekly compliance report', 'jumpcloud', 'policyResult', 'listForOrganization', '{}', $1, now())`,
      [credential!.id],
    );
    await page.goto("/credentials");
    const dialog = page.getByRole("dialog", { name: "Delete “Canary renamed”?" });
    // A click before React hydrates the page opens nothing.
    await page.locator("html[data-hydrated]").waitFor();
    await page.getByRole("button", { name: "Delete Canary renamed" }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId("delete-usage")).toContainText("Weekly compliance report");
    await dialog.getByRole("button", { name: "Delete credential" }).click();
    await expect(page.getByTestId("credential-row-Canary renamed")).toHaveCount(0);
    expect(await query(`select 1 from "Credential" where name = 'Canary renamed'`)).toHaveLength(0);
    expect(await query<{ credentialId: string | null }>(`select "credentialId" from "NodeConfig" where id = 'e2e-node-using-canary'`)).toEqual([{ credentialId: null }]);
  });
});
