// A second integration, registered only for tests (lib/integrations/example: one folder and one registry line),
// runs end to end through the same paths as JumpCloud: credential form, builder preview, a server-action run
// with its write confirmation, and POST /api/v1/nodes/execute.
import { expect, test } from "./test";
import { createToken, ownerId } from "./api-accounts";

const CREDENTIAL = "Example Service";

test.describe.serial("a second integration through the integration contract", () => {
  test("its credential is added and tested with the same form", async ({ page }) => {
    await page.goto("/credentials/new");
    await page.locator("form[data-hydrated]").waitFor();
    await page.getByLabel("Name", { exact: true }).fill(CREDENTIAL);
    await page.getByLabel("Integration Service").selectOption({ label: "Example (test fixture)" });
    await page.getByLabel("Token", { exact: true }).fill("revoked-token-123");
    await page.getByRole("button", { name: "Test Connection" }).click();
    await expect(page.getByText("Invalid token")).toBeVisible();
    await page.getByLabel("Token", { exact: true }).fill("example-token-123");
    await page.getByRole("button", { name: "Test Connection" }).click();
    await expect(page.getByText("Connected to the example service.")).toBeVisible();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(/\/credentials$/);
    await expect(page.getByTestId(`credential-row-${CREDENTIAL}`)).toBeVisible();
  });

  test("the builder previews and runs its read and write operations", async ({ page }) => {
    await page.goto("/node-builder/new");
    await page.getByLabel("Integration").selectOption({ label: "Example (test fixture)" });
    await page.getByLabel("Credential").selectOption({ label: `${CREDENTIAL} · Token` });
    await expect(page.getByLabel("Resource")).toHaveValue("greeting");
    await page.getByTestId("parameter-form").getByLabel("Name").fill("{{ who }}");
    await page.getByLabel("Load input data file").setInputFiles({ name: "input.json", mimeType: "application/json", buffer: Buffer.from('{ "who": "Ada" }') });
    await expect(page.getByTestId("planned-request")).toContainText("GET https://example.invalid/v1/greetings?name=Ada");
    await expect(page.getByTestId("planned-request")).toContainText("Bearer ••••");

    await page.getByRole("button", { name: "Run node" }).click();
    await expect(page.getByTestId("run-success")).toBeVisible();
    await expect(page.getByTestId("run-result")).toContainText("Hello, Ada!");

    await page.getByLabel("Resource").selectOption("note");
    await page.getByTestId("parameter-form").getByLabel("Title").fill("Hello");
    await page.getByRole("button", { name: "Run node" }).click();
    await expect(page.getByRole("dialog").getByTestId("confirm-message")).toHaveText("Create note 'Hello'");
    await page.getByRole("dialog").getByRole("button", { name: "Create note" }).click();
    await expect(page.getByTestId("run-result")).toContainText("note_1");
  });

  test("workflow engines run it over the HTTP API with templates from the input", async ({ request }) => {
    const token = await createToken(await ownerId(), ["nodes:run"]);
    const response = await request.post("/api/v1/nodes/execute", {
      headers: { Authorization: `Bearer ${token}` },
      data: { node: { integration_service: "example", resource: "greeting", operation: "say", parameters: { name: "{{ who }}", times: 2 }, credential: CREDENTIAL }, input: { who: "Grace" } },
    });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: Array<{ message: string }>; meta: { runId: string } };
    expect(body.items.map((item) => item.message)).toEqual(["Hello, Grace!", "Hello, Grace!"]);

    const refused = await request.post("/api/v1/nodes/execute", {
      headers: { Authorization: `Bearer ${token}` },
      data: { node: { integration_service: "example", resource: "greeting", operation: "say", parameters: { times: 9 }, credential: CREDENTIAL } },
    });
    expect(refused.status()).toBe(400);
    const error = ((await refused.json()) as { error: { kind: string; message: string } }).error;
    expect(error.kind).toBe("invalidConfig");
    expect(error.message).toContain("name is required");
  });
});
