// Compliance monitors over the HTTP API against the production build, whose process runs the job worker: create
// with clear refusals, run now (the worker takes the snapshot from the simulator), read compliance, CSV and trend,
// pause, and delete.
import { randomUUID } from "node:crypto";
import { expect, test } from "./test";
import { anonymousContext, createToken, ownerId, withDb } from "./api-accounts";
import { createSimulatorCredential } from "./credentials";
import { simulatorInfo } from "./simulator";

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
type ErrorBody = { error: { kind: string; message: string; path?: string } };
interface Snapshot {
  id: string;
  status: string;
  trigger: string;
  passing: number;
  failing: number;
  pending: number;
  requests: number;
  transitions: number;
  requestedByName: string | null;
}

test.describe("compliance monitors API", () => {
  test("an engine creates a monitor, runs it now, and reads compliance, failing pairs, CSV and trend", async ({ page, baseURL }) => {
    const info = await simulatorInfo();
    const credentialName = `Monitor credential ${randomUUID().slice(0, 6)}`;
    await createSimulatorCredential(page, { name: credentialName, apiKey: info.keys.singleOrg });
    const credentialId = await withDb(async (db) => (await db.query<{ id: string }>(`select id from "Credential" where name = $1`, [credentialName])).rows[0]!.id);
    const token = await createToken(await ownerId(), ["monitors:read", "monitors:write", "compliance:read"]);
    const engine = await anonymousContext(baseURL!);
    const headers = bearer(token);

    const name = `Windows policies ${randomUUID().slice(0, 6)}`;
    const badCron = await engine.post("/api/v1/monitors", { headers, data: { name, credentialId, schedule: { kind: "cron", cron: "*/5 * * * * *" } } });
    expect(badCron.status()).toBe(400);
    expect(((await badCron.json()) as ErrorBody).error.message).toMatch(/schedule\.cron.*5 fields.*no seconds field/);
    const badZone = await engine.post("/api/v1/monitors", { headers, data: { name, credentialId, schedule: { kind: "daily", time: "06:30", timezone: "Mars/Olympus" } } });
    expect(((await badZone.json()) as ErrorBody).error.message).toMatch(/not a time zone/);
    const noCredential = await engine.post("/api/v1/monitors", { headers, data: { name, credentialId: "nope", schedule: { kind: "hourly" } } });
    expect(noCredential.status()).toBe(400);
    expect(((await noCredential.json()) as ErrorBody).error).toMatchObject({ path: "credentialId" });

    const created = await engine.post("/api/v1/monitors", {
      headers,
      data: { name, credentialId, scope: { kind: "nameFilter", pattern: "Windows*" }, schedule: { kind: "daily", time: "06:30", timezone: "Europe/Berlin" }, alertRules: [{ type: "complianceBelow", percent: 99.9 }] },
    });
    expect(created.status()).toBe(201);
    const monitor = (await created.json()) as { id: string; version: number; schedule: { cron: string; description: string }; nextRunAt: string };
    expect(monitor.schedule).toMatchObject({ cron: "30 6 * * *", description: "Daily at 06:30 (Europe/Berlin)" });
    expect(new Date(monitor.nextRunAt).getTime()).toBeGreaterThan(Date.now());
    expect((await engine.post("/api/v1/monitors", { headers, data: { name, credentialId, schedule: { kind: "hourly" } } })).status()).toBe(409);

    const run = await engine.post(`/api/v1/monitors/${monitor.id}/run`, { headers });
    expect(run.status()).toBe(202);
    const { snapshot: queued } = (await run.json()) as { snapshot: Snapshot; created: boolean };
    // A second click while it is queued or running returns the same snapshot.
    const again = (await (await engine.post(`/api/v1/monitors/${monitor.id}/run`, { headers })).json()) as { snapshot: Snapshot; created: boolean };
    if (again.created === false) expect(again.snapshot.id).toBe(queued.id);

    let snapshot: Snapshot | undefined;
    await expect(async () => {
      const list = (await (await engine.get(`/api/v1/monitors/${monitor.id}/snapshots`, { headers })).json()) as Snapshot[];
      snapshot = list.find((s) => s.id === queued.id);
      expect(snapshot?.status).toBe("success");
    }).toPass({ timeout: 60_000 });
    expect(snapshot).toMatchObject({ trigger: "manual", requestedByName: expect.any(String) });
    expect(snapshot!.requests).toBeGreaterThan(1);
    expect(snapshot!.transitions).toBe(snapshot!.passing + snapshot!.failing + snapshot!.pending);

    const summary = (await (await engine.get(`/api/v1/compliance?monitorId=${monitor.id}`, { headers })).json()) as {
      monitors: Array<{ failing: number; complianceRate: number }>;
      failingPolicies: Array<{ policyName: string; failing: number }>;
    };
    expect(summary.monitors[0]).toMatchObject({ failing: snapshot!.failing });
    for (const policy of summary.failingPolicies) expect(policy.policyName).toMatch(/^Windows/);

    const failing = (await (await engine.get(`/api/v1/compliance/pairs?monitorId=${monitor.id}&state=failing&limit=1000`, { headers })).json()) as {
      pairs: Array<{ state: string; failingSince: string; detail: string }>;
    };
    expect(failing.pairs).toHaveLength(snapshot!.failing);
    expect(failing.pairs.every((pair) => pair.state === "failing" && pair.failingSince)).toBe(true);
    const csv = await engine.get(`/api/v1/compliance/pairs.csv?monitorId=${monitor.id}&state=failing`, { headers });
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("monitorId,policyId,policyName,systemId,hostname,state,since,failingSince,detail,resultAt");
    expect(lines).toHaveLength(snapshot!.failing + 1);
    const trend = (await (await engine.get(`/api/v1/compliance/trend?monitorId=${monitor.id}&bucket=hour`, { headers })).json()) as Array<{ failing: number }>;
    expect(trend.at(-1)!.failing).toBe(snapshot!.failing);
    const badQuery = await engine.get(`/api/v1/compliance/pairs?state=broken`, { headers });
    expect(badQuery.status()).toBe(400);
    expect(((await badQuery.json()) as ErrorBody).error.message).toMatch(/state must be one of/);

    const paused = await engine.patch(`/api/v1/monitors/${monitor.id}`, { headers, data: { enabled: false, version: monitor.version } });
    expect(((await paused.json()) as { enabled: boolean; nextRunAt: string | null }).nextRunAt).toBeNull();
    const stale = await engine.patch(`/api/v1/monitors/${monitor.id}`, { headers, data: { enabled: true, version: monitor.version } });
    expect(stale.status()).toBe(409);

    const audit = await withDb(async (db) => (await db.query<{ action: string }>(`select action from "AuditEvent" where action like 'monitor.%' order by "createdAt"`)).rows.map((r) => r.action));
    expect(audit).toEqual(expect.arrayContaining(["monitor.created", "monitor.run_requested", "monitor.updated"]));

    expect((await engine.delete(`/api/v1/monitors/${monitor.id}`, { headers })).status()).toBe(200);
    expect((await engine.get(`/api/v1/monitors/${monitor.id}`, { headers })).status()).toBe(404);
    expect(await withDb(async (db) => (await db.query(`select 1 from "ComplianceSnapshot" where "monitorId" = $1`, [monitor.id])).rowCount)).toBe(0);
    await engine.dispose();
  });
});
