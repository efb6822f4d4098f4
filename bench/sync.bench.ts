// Planning and applying 1,000 association adds (the sync planner: one returnAll read, then the adds 16 at once within a
// request budget) against the one-call-per-item sequential loop of a script, both at 30 ms simulator latency in the
// same run, the simulator in its own process. Run by `npm run bench` (bench/run.ts writes the figures).
import { createJumpCloudClient } from "../lib/integrations/jumpcloud/client";
import { jumpcloudSync } from "../lib/integrations/jumpcloud/sync/index";
import type { FetchLike } from "../lib/integrations/jumpcloud/transport";
import { maxPerSecond, round, startRemoteSimulator, type RemoteSimulator } from "./support";

const LATENCY_MS = 30;
const TARGETS = 1000;
const CONCURRENCY = 16;
const RATE_BUDGET = { requestsPerSecond: 400, burst: 20 };

async function api<T>(sim: RemoteSimulator, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${sim.origin}${path}`, { ...init, headers: { Accept: "application/json", "Content-Type": "application/json", "x-api-key": sim.keys.singleOrg } });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${text}`);
  return (text === "" ? undefined : JSON.parse(text)) as T;
}

async function newPolicy(sim: RemoteSimulator, name: string, templateId: string): Promise<string> {
  return (await api<{ id: string }>(sim, "/api/v2/policies", { method: "POST", body: JSON.stringify({ name, template: { id: templateId } }) })).id;
}

async function associationCount(sim: RemoteSimulator, policyId: string): Promise<number> {
  let count = 0;
  for (let skip = 0; ; skip += 100) {
    const page = await api<unknown[]>(sim, `/api/v2/policies/${policyId}/associations?targets=system&limit=100&skip=${skip}`);
    count += page.length;
    if (page.length < 100) return count;
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const sim = await startRemoteSimulator({ size: { systems: TARGETS, systemGroups: 8, policies: 4, policyResults: 100 } });
  try {
    const [template] = await api<Array<{ id: string }>>(sim, "/api/v2/policytemplates?limit=1");
    const systems: string[] = [];
    for (let skip = 0; systems.length < TARGETS; skip += 100) {
      const page = await api<{ results: Array<{ _id: string }> }>(sim, `/api/systems?limit=100&skip=${skip}`);
      systems.push(...page.results.map((s) => s._id));
      if (page.results.length < 100) break;
    }
    await sim.setOptions({ latencyMs: LATENCY_MS });

    // The script's loop: one POST per target, each waiting for the last.
    const loopPolicy = await newPolicy(sim, "bench loop", template!.id);
    const loopStarted = performance.now();
    for (const id of systems) await api(sim, `/api/v2/policies/${loopPolicy}/associations`, { method: "POST", body: JSON.stringify({ op: "add", type: "system", id }) });
    const loopMs = performance.now() - loopStarted;

    const starts: number[] = [];
    const countingFetch: FetchLike = (input, init) => {
      starts.push(performance.now());
      return fetch(input, init);
    };
    const client = createJumpCloudClient({
      auth: { type: "apiKey", apiKey: sim.keys.singleOrg },
      connection: { region: "us", baseUrl: sim.origin },
      allowedOrigins: [sim.origin],
      fetch: countingFetch,
      rateLimit: RATE_BUDGET,
    });
    const desired = systems.map((id) => ({ type: "system", id }));
    const syncPolicy = await newPolicy(sim, "bench sync", template!.id);
    await sim.resetStats();
    const planStarted = performance.now();
    const plan = await jumpcloudSync.planAssociations(client, { policyId: syncPolicy, desired, mode: "add-only" });
    const planMs = performance.now() - planStarted;
    const report = await jumpcloudSync.applyPlan(client, plan, { concurrency: CONCURRENCY });
    const totalMs = performance.now() - planStarted;
    const maxRequestsInAnySecond = maxPerSecond(starts);
    const simulatorMaxConcurrent = (await sim.stats()).maxConcurrent;

    // The second run: a plan with nothing to do.
    const rerunStarted = performance.now();
    const again = await jumpcloudSync.planAssociations(client, { policyId: syncPolicy, desired, mode: "add-only" });
    const rerunMs = performance.now() - rerunStarted;
    await sim.setOptions({ latencyMs: 0 });

    return {
      setup: { simulatorLatencyMs: LATENCY_MS, targets: TARGETS, concurrency: CONCURRENCY, rateBudget: RATE_BUDGET },
      sequentialLoop: { ms: round(loopMs), requests: TARGETS, associated: await associationCount(sim, loopPolicy) },
      planAndApply: {
        ms: round(totalMs),
        planMs: round(planMs),
        requests: plan.requests + report.requests,
        added: report.counts.added,
        complete: report.complete,
        associated: await associationCount(sim, syncPolicy),
        speedup: round(loopMs / totalMs, 2),
        meetsEightTimes: loopMs / totalMs >= 8,
      },
      rate: {
        maxRequestsInAnySecond,
        allowedInAnySecond: RATE_BUDGET.requestsPerSecond + RATE_BUDGET.burst,
        withinBudget: maxRequestsInAnySecond <= RATE_BUDGET.requestsPerSecond + RATE_BUDGET.burst,
        simulatorMaxConcurrent,
      },
      rerun: { ms: round(rerunMs), requests: again.requests, toAdd: again.counts.add, unchanged: again.counts.unchanged },
    };
  } finally {
    await sim.close();
  }
}
