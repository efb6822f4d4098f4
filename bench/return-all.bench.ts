// returnAll against the sequential skip/limit loop of JumpCloud's PowerShell tools, and the client's own
// per-request overhead against a bare fetch. Run by `npm run bench` (bench/run.ts writes the figures).
import { createJumpCloudClient } from "../lib/integrations/jumpcloud/client";
import { withRawParameters } from "../lib/integrations/jumpcloud/testing/raw-client";
import type { FetchLike } from "../lib/integrations/jumpcloud/transport";
import { startSimulator, type Simulator } from "../simulator/server";
import { maxPerSecond, round } from "./support";

const LATENCY_MS = 30;
const RESULTS = 20_000;
const CONCURRENCY = 16;
const RATE_BUDGET = { requestsPerSecond: 400, burst: 20 };
const RETURN_ALL_RUNS = 3;
const OVERHEAD_ITERATIONS = 1500;
const OVERHEAD_WARMUP = 200;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The loop of Invoke-JCApi: limit=100, skip += count while count == limit, one request at a time. */
async function sequentialLoop(sim: Simulator): Promise<{ ids: string[]; requests: number }> {
  const ids: string[] = [];
  let skip = 0;
  let requests = 0;
  for (;;) {
    const response = await fetch(`${sim.origin}/api/v2/policyresults?limit=100&skip=${skip}`, {
      headers: { Accept: "application/json", "x-api-key": sim.keys.singleOrg },
    });
    requests++;
    const page = (await response.json()) as Array<{ id: string }>;
    for (const item of page) ids.push(item.id);
    skip += page.length;
    if (page.length !== 100) return { ids, requests };
  }
}

async function measureReturnAll(sim: Simulator) {
  const starts: number[] = [];
  const countingFetch: FetchLike = (input, init) => {
    starts.push(performance.now());
    return fetch(input, init);
  };
  const client = withRawParameters(createJumpCloudClient({
    auth: { type: "apiKey", apiKey: sim.keys.singleOrg },
    connection: { region: "us", baseUrl: sim.origin },
    allowedOrigins: [sim.origin],
    fetch: countingFetch,
    concurrency: CONCURRENCY,
    rateLimit: RATE_BUDGET,
  }));
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 5);
  sim.resetStats();
  const started = performance.now();
  const result = await client.run("policyResult", "listForOrganization", { returnAll: true });
  const ms = performance.now() - started;
  clearInterval(sampler);
  return {
    ms,
    ids: result.items.map((item) => (item as { id: string }).id),
    requests: result.meta.requests,
    maxRequestsPerSecond: maxPerSecond(starts),
    simulatorMaxConcurrent: sim.stats().maxConcurrent,
    peakRssMb: peakRss / 2 ** 20,
    peakHeapDeltaMb: (peakHeap - baseline.heapUsed) / 2 ** 20,
  };
}

async function measureOverhead(sim: Simulator) {
  sim.setOptions({ latencyMs: 0 });
  const client = withRawParameters(createJumpCloudClient({
    auth: { type: "apiKey", apiKey: sim.keys.singleOrg },
    connection: { region: "us", baseUrl: sim.origin },
    allowedOrigins: [sim.origin],
    rateLimit: { requestsPerSecond: 1e9, burst: 1e9 },
  }));
  const policyId = ((await client.run("policy", "list", { options: { limit: 1 } })).items[0] as { id: string }).id;
  const url = `${sim.origin}/api/v2/policies/${policyId}`;
  const headers = { Accept: "application/json", "x-api-key": sim.keys.singleOrg };
  const bare = async () => (await fetch(url, { headers })).json();
  const viaClient = () => client.run("policy", "get", { policyId });
  const bareTimes: number[] = [];
  const clientTimes: number[] = [];
  for (let i = 0; i < OVERHEAD_WARMUP + OVERHEAD_ITERATIONS; i++) {
    // Interleaved so drift (GC, JIT, the simulator's own work) hits both sides alike.
    let t = performance.now();
    await bare();
    const bareMs = performance.now() - t;
    t = performance.now();
    await viaClient();
    const clientMs = performance.now() - t;
    if (i >= OVERHEAD_WARMUP) {
      bareTimes.push(bareMs);
      clientTimes.push(clientMs);
    }
  }
  const bareMedian = median(bareTimes);
  const clientMedian = median(clientTimes);
  return { bareMedianMs: bareMedian, clientMedianMs: clientMedian, overheadMs: clientMedian - bareMedian };
}

export async function run(): Promise<Record<string, unknown>> {
  const sim = await startSimulator({ port: 0, latencyMs: LATENCY_MS, size: { policyResults: RESULTS } });
  try {
    sim.resetStats();
    const seqStarted = performance.now();
    const sequential = await sequentialLoop(sim);
    const sequentialMs = performance.now() - seqStarted;

    const runs = [];
    for (let i = 0; i < RETURN_ALL_RUNS; i++) runs.push(await measureReturnAll(sim));
    const returnAllMs = median(runs.map((r) => r.ms));
    const sameRecords = runs.every((r) => r.ids.length === sequential.ids.length && r.ids.every((id, i) => id === sequential.ids[i]));
    const maxRequestsPerSecond = Math.max(...runs.map((r) => r.maxRequestsPerSecond));
    const overhead = await measureOverhead(sim);

    return {
      setup: { simulatorLatencyMs: LATENCY_MS, policyResults: sequential.ids.length, concurrency: CONCURRENCY, rateBudget: RATE_BUDGET },
      sequentialLoop: { ms: round(sequentialMs), requests: sequential.requests },
      returnAll: {
        medianMs: round(returnAllMs),
        runsMs: runs.map((r) => round(r.ms)),
        requests: runs[0]!.requests,
        speedup: round(sequentialMs / returnAllMs, 2),
        meetsSixTimes: sequentialMs / returnAllMs >= 6,
        sameRecordsInSameOrder: sameRecords,
        records: runs[0]!.ids.length,
        uniqueRecords: new Set(runs[0]!.ids).size,
      },
      rate: {
        maxRequestsInAnySecond: maxRequestsPerSecond,
        // A token bucket allows its burst on top of the steady rate within one second.
        allowedInAnySecond: RATE_BUDGET.requestsPerSecond + RATE_BUDGET.burst,
        withinBudget: maxRequestsPerSecond <= RATE_BUDGET.requestsPerSecond + RATE_BUDGET.burst,
        simulatorMaxConcurrent: Math.max(...runs.map((r) => r.simulatorMaxConcurrent)),
      },
      memory: {
        note: "same process as the simulator, which holds the dataset",
        peakRssMb: round(Math.max(...runs.map((r) => r.peakRssMb))),
        peakHeapGrowthDuringReturnAllMb: round(Math.max(...runs.map((r) => r.peakHeapDeltaMb))),
      },
      overheadPerRequest: {
        iterations: OVERHEAD_ITERATIONS,
        bareFetchMedianMs: round(overhead.bareMedianMs, 3),
        clientMedianMs: round(overhead.clientMedianMs, 3),
        overheadMedianMs: round(overhead.overheadMs, 3),
      },
    };
  } finally {
    await sim.close();
  }
}
