// Alerts against the production build, whose process runs the job worker: a webhook receiver in the test (on
// 127.0.0.1, allow-listed in playwright.config.ts) verifies each Standard Webhooks signature with the
// standardwebhooks library. Added in Settings -> Alerts; a receiver answering 500 then 200 accepts the alert exactly
// once; a monitor's transitions alert once across runs; a viewer sees destinations but cannot add them.
import { randomUUID } from "node:crypto";
import { expect, test } from "./test";
import { startWebhookReceiver, type Receipt, type WebhookReceiver } from "../lib/alerts/testing/webhook-receiver";
import { jobIdFor } from "../lib/jobs/job-id";
import { ALERT_RECEIVER_ORIGIN } from "../playwright.config";
import { anonymousContext, createToken, createUser, ownerId, signedInContext, withDb } from "./api-accounts";
import { createSimulatorCredential } from "./credentials";
import { resetSimulator, setSimulatorOptions, simulatorInfo } from "./simulator";

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

let receiver: WebhookReceiver;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver({ port: Number(new URL(ALERT_RECEIVER_ORIGIN).port) });
});

test.afterAll(async () => {
  await receiver.close();
});

test.beforeEach(() => {
  receiver.receipts.length = 0;
  receiver.script([]);
});

interface AlertBody {
  type: string;
  data: { id: string; title: string; source: { type: string; id: string }; details: { count?: number; pairs?: Array<{ policyId: string; systemId: string }> } };
}
const parsed = (receipt: Receipt) => JSON.parse(receipt.body) as AlertBody;

/** Resolves once the worker has finished the snapshot's job, alerts raised included. */
async function snapshotJobDone(snapshotId: string): Promise<void> {
  await expect(async () => {
    const state = await withDb(async (db) => (await db.query<{ state: string }>(`select state from pgboss.job where id = $1 union all select state from pgboss.archive where id = $1`, [jobIdFor(`snapshot:${snapshotId}`)])).rows[0]?.state);
    expect(state).toBe("completed");
  }).toPass({ timeout: 90_000 });
}

test.describe("alerts", () => {
  test("an editor adds a webhook in Settings, sends a test alert; a receiver answering 500 then 200 accepts it exactly once", async ({ page }) => {
    const name = `Ops webhook ${randomUUID().slice(0, 6)}`;
    await page.goto("/settings/alerts");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Webhook URL").fill("http://hooks.example.com/alerts");
    await page.getByRole("button", { name: "Create destination" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "HTTPS only" })).toContainText("ALERT_ALLOWED_ORIGINS");
    // The refused form keeps what was typed.
    await expect(page.getByLabel("Name")).toHaveValue(name);

    await page.getByLabel("Webhook URL").fill(receiver.url);
    await page.getByRole("button", { name: "Create destination" }).click();
    const secret = (await page.getByTestId("new-destination-secret-value").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    receiver.setSecret(secret);
    const row = page.getByTestId(`destination-row-${name}`);
    await expect(row).toContainText(`${ALERT_RECEIVER_ORIGIN}/hook`);

    receiver.script([500]);
    await row.getByRole("button", { name: `Send test alert to ${name}` }).click();
    await expect(row.getByRole("status")).toContainText("Test alert queued");
    await expect(async () => expect(receiver.accepted()).toHaveLength(1)).toPass({ timeout: 60_000 });
    expect(receiver.receipts.map((r) => [r.verified, r.answered])).toEqual([
      [true, 500],
      [true, 200],
    ]);
    // Both attempts carry the same webhook-id, so a receiver can drop a duplicate.
    expect(receiver.receipts[0]!.id).toBe(receiver.receipts[1]!.id);
    expect(parsed(receiver.receipts[1]!)).toMatchObject({ type: "test", data: { id: receiver.receipts[1]!.id, source: { type: "destination" } } });

    await row.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    const delivery = page.getByTestId(`delivery-${receiver.receipts[0]!.id}`);
    await expect(delivery).toContainText("Delivered");
    await delivery.getByText("2 attempts, last 200").click();
    await expect(delivery.getByTestId("attempts")).toContainText("HTTP 500: receiver says 500");
    // The secret was shown once: never again on any page.
    await page.reload();
    expect(await page.content()).not.toContain(secret.slice(6));
    await page.goto("/settings/alerts");
    expect(await page.content()).not.toContain(secret.slice(6));
    // Paused, it receives nothing more (the next test's monitor alerts go to its own destination only).
    await row.getByRole("button", { name: `Pause ${name}` }).click();
    await expect(row).toContainText("Paused");
  });

  test("a monitor's transitions alert once across runs, and a viewer sees destinations but cannot add one", async ({ page, baseURL }) => {
    const info = await simulatorInfo();
    const credentialName = `Alerts credential ${randomUUID().slice(0, 6)}`;
    await createSimulatorCredential(page, { name: credentialName, apiKey: info.keys.singleOrg });
    const credentialId = await withDb(async (db) => (await db.query<{ id: string }>(`select id from "Credential" where name = $1`, [credentialName])).rows[0]!.id);
    const engine = await anonymousContext(baseURL!);
    const headers = bearer(await createToken(await ownerId(), ["monitors:read", "monitors:write", "alerts:read", "alerts:write"]));

    const created = await engine.post("/api/v1/alert-destinations", {
      headers,
      data: { name: `Failures ${randomUUID().slice(0, 6)}`, url: receiver.url, kinds: ["compliance.newFailures", "compliance.recovered"] },
    });
    expect(created.status()).toBe(201);
    const { destination, secret } = (await created.json()) as { destination: { id: string; url: string }; secret: string };
    receiver.setSecret(secret);

    const monitorResponse = await engine.post("/api/v1/monitors", {
      headers,
      data: { name: `Alerting ${randomUUID().slice(0, 6)}`, credentialId, schedule: { kind: "daily", time: "03:00" }, alertRules: [{ type: "newFailures", atLeast: 1 }, { type: "recovered" }] },
    });
    const monitor = (await monitorResponse.json()) as { id: string };
    const run = async () => {
      const { snapshot } = (await (await engine.post(`/api/v1/monitors/${monitor.id}/run`, { headers })).json()) as { snapshot: { id: string } };
      await snapshotJobDone(snapshot.id);
      let found: { id: string; status: string; failing: number } | undefined;
      // Polled, so a keep-alive connection the server closed during the wait is simply retried.
      await expect(async () => {
        const list = (await (await engine.get(`/api/v1/monitors/${monitor.id}/snapshots`, { headers })).json()) as Array<{ id: string; status: string; failing: number }>;
        found = list.find((s) => s.id === snapshot.id);
        expect(found).toBeDefined();
      }).toPass({ timeout: 30_000 });
      return found!;
    };
    const newFailureAlerts = () => receiver.accepted().map(parsed).filter((body) => body.type === "compliance.newFailures" && body.data.source.id === monitor.id);

    try {
      const first = await run();
      expect(first).toMatchObject({ status: "success" });
      expect(first.failing).toBeGreaterThan(0);
      await expect(async () => expect(newFailureAlerts()).toHaveLength(1)).toPass({ timeout: 30_000 });
      const [firstAlert] = newFailureAlerts();
      expect(firstAlert!.data.details.count).toBe(first.failing);

      // JumpCloud changes between the runs: some statuses flip. The second alert names only pairs that turned failing since.
      await setSimulatorOptions({ churn: { preset: "off", statusFlips: 0.3 } });
      const advanced = await fetch(`${info.origin}/__simulator/advance`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
      expect(advanced.ok).toBe(true);
      await setSimulatorOptions({ churn: "off" });
      expect((await run()).status).toBe("success");
      await expect(async () => expect(newFailureAlerts()).toHaveLength(2)).toPass({ timeout: 30_000 });
      const key = (pair: { policyId: string; systemId: string }) => `${pair.policyId}/${pair.systemId}`;
      const firstPairs = new Set(firstAlert!.data.details.pairs!.map(key));
      expect(newFailureAlerts()[1]!.data.details.pairs!.filter((pair) => firstPairs.has(key(pair)))).toEqual([]);

      // Nothing changed: a third run raises nothing, and nothing was sent twice. The second run may also have raised a
      // recovery, delivered after its new failures: every delivery so far has landed before the count is taken.
      const fromMonitor = () => receiver.accepted().filter((r) => parsed(r).data.source.id === monitor.id);
      const deliveries = async () =>
        ((await (await engine.get(`/api/v1/monitors/${monitor.id}/alerts`, { headers })).json()) as Array<{ status: string; destination: { id: string } }>)
          .filter((d) => d.destination.id === destination.id)
          .map((d) => d.status);
      let acceptedBefore = 0;
      await expect(async () => {
        acceptedBefore = fromMonitor().length;
        expect(await deliveries()).toEqual(Array.from({ length: acceptedBefore }, () => "delivered"));
      }).toPass({ timeout: 30_000 });
      expect((await run()).status).toBe("success");
      await expect(async () => expect(await deliveries()).toEqual(Array.from({ length: acceptedBefore }, () => "delivered"))).toPass({ timeout: 30_000 });
      expect(fromMonitor()).toHaveLength(acceptedBefore);
      expect(new Set(fromMonitor().map((r) => r.id)).size).toBe(acceptedBefore);
    } finally {
      await setSimulatorOptions({ churn: "off" });
      await resetSimulator();
    }

    // A viewer reads destinations (masked URL, no secret) but cannot add one, by token, action or page.
    const viewer = await createUser("viewer", "alerts");
    const viewerToken = bearer(await createToken(viewer.id, ["alerts:read", "alerts:write"]));
    const listed = (await (await engine.get("/api/v1/alert-destinations", { headers: viewerToken })).json()) as Array<{ id: string; url: string }>;
    expect(listed.find((d) => d.id === destination.id)).toMatchObject({ url: `${ALERT_RECEIVER_ORIGIN}/hook` });
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6));
    const refused = await engine.post("/api/v1/alert-destinations", { headers: viewerToken, data: { name: "Viewer's hook", url: receiver.url } });
    expect(refused.status()).toBe(403);
    expect((await engine.post(`/api/v1/alert-destinations/${destination.id}/test`, { headers: viewerToken })).status()).toBe(403);
    const viewerSession = await signedInContext(baseURL!, viewer);
    const viewerPage = await (await page.context().browser()!.newContext({ storageState: await viewerSession.storageState() })).newPage();
    await viewerPage.goto("/settings/alerts");
    await expect(viewerPage.getByTestId("destinations")).toBeVisible();
    await expect(viewerPage.getByRole("heading", { name: "Add a webhook" })).toHaveCount(0);
    await expect(viewerPage.getByRole("button", { name: /Send a test alert/ })).toHaveCount(0);
    await viewerPage.context().close();
    await viewerSession.dispose();
    expect((await engine.delete(`/api/v1/alert-destinations/${destination.id}`, { headers })).status()).toBe(200);
    await engine.dispose();
  });
});
