// Drift detection at scale, run by `npm run bench`: a drift check of a baseline of 200 policies with their system
// and system-group associations, against the simulator at 30 ms per request in its own process, beside the loop a
// script would run (each policy's details, then its associations of each kind, one page at a time) in the same run.
// It makes its own database, simulator and credential, and drops them at the end.
import { createTestDatabase } from "../lib/database/test-database";
import { benchOwner, recordRequestStarts, round, startRemoteSimulator, type RemoteSimulator } from "./support";

const LATENCY_MS = 30;
const POLICIES = 200;
const SYSTEMS = 1000;
const RATE_BUDGET = 400;
const DRIFTED = 20;

/** A script's drift check: each policy's details, then its associations of each kind, page by page. */
async function sequentialLoop(sim: RemoteSimulator, policyIds: readonly string[]): Promise<{ ms: number; requests: number; associations: number }> {
  const headers = { Accept: "application/json", "x-api-key": sim.keys.singleOrg };
  let requests = 0;
  let associations = 0;
  const started = performance.now();
  for (const id of policyIds) {
    await (await fetch(`${sim.origin}/api/v2/policies/${id}`, { headers })).json();
    requests++;
    for (const target of ["system", "system_group"]) {
      for (let skip = 0; ; ) {
        const page = (await (await fetch(`${sim.origin}/api/v2/policies/${id}/associations?targets=${target}&limit=100&skip=${skip}`, { headers })).json()) as unknown[];
        requests++;
        associations += page.length;
        skip += page.length;
        if (page.length !== 100) break;
      }
    }
  }
  return { ms: performance.now() - started, requests, associations };
}

export async function run(): Promise<Record<string, unknown>> {
  const database = await createTestDatabase("bench_drift");
  const sim = await startRemoteSimulator({ size: { policies: POLICIES, systems: SYSTEMS }, latencyMs: LATENCY_MS });
  const { actor, credentialId } = await benchOwner(database.url, sim, RATE_BUDGET);
  const { db } = await import("../lib/db");
  const { createBaseline } = await import("../lib/drift/baseline-store");
  const { baselineCreateSchema } = await import("../lib/drift/baseline-input");
  const { checkNow } = await import("../lib/drift/drift-queue");
  const { stopJobClient } = await import("../lib/jobs/boss");
  const { closeSqlPool } = await import("../lib/database/sql-pool");
  try {
    const headers = { Accept: "application/json", "x-api-key": sim.keys.singleOrg, "Content-Type": "application/json" };
    const policyIds: string[] = [];
    for (let skip = 0; policyIds.length < POLICIES; skip += 100) {
      const page = (await (await fetch(`${sim.origin}/api/v2/policies?limit=100&skip=${skip}`, { headers })).json()) as Array<{ id: string }>;
      policyIds.push(...page.map((p) => p.id));
      if (page.length < 100) break;
    }
    const sequential = await sequentialLoop(sim, policyIds);

    const recording = recordRequestStarts(sim.origin);
    const timed = async <T>(work: () => Promise<T>) => {
      recording.starts.length = 0;
      const started = performance.now();
      const result = await work();
      return { ms: round(performance.now() - started), requests: recording.starts.length, result };
    };
    try {
      const capture = await timed(() => createBaseline(baselineCreateSchema.parse({ name: "Bench", credentialId, policyIds }), actor.user));
      const clean = await timed(() => checkNow(capture.result.id, actor.user));
      // Drift on a tenth of the policies: notes edited in the console (timed() counts only the check's requests).
      for (const id of policyIds.slice(0, DRIFTED)) {
        const policy = (await (await fetch(`${sim.origin}/api/v2/policies/${id}`, { headers })).json()) as { name: string; values: unknown[] };
        await fetch(`${sim.origin}/api/v2/policies/${id}`, { method: "PUT", headers, body: JSON.stringify({ name: policy.name, notes: "edited in the console", values: policy.values }) });
      }
      const drifted = await timed(() => checkNow(capture.result.id, actor.user));
      return {
        setup: { simulatorLatencyMs: LATENCY_MS, policies: policyIds.length, systems: SYSTEMS, associations: sequential.associations, budgetRequestsPerSecond: RATE_BUDGET },
        sequentialLoop: { ms: round(sequential.ms), requests: sequential.requests },
        capture: { ms: capture.ms, requests: capture.requests },
        cleanCheck: { ms: clean.ms, requests: clean.requests, open: clean.result.open, speedup: round(sequential.ms / clean.ms, 2) },
        checkWithDrift: { ms: drifted.ms, requests: drifted.requests, opened: drifted.result.opened, drifted: DRIFTED },
      };
    } finally {
      recording.stop();
    }
  } finally {
    await sim.close();
    await stopJobClient();
    await db.$disconnect();
    await closeSqlPool();
    await database.drop();
  }
}
