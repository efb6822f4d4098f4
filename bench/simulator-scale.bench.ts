// The simulator at benchmark scale (200 policies x 1,000 systems, about 55,000 statuses, 100,000 results):
// seeding, the list pages a compliance snapshot reads, association writes and a churn tick, each against the
// same request on the default-size org in the same run. Run by `npm run bench` (bench/run.ts writes the figures).
import { DEFAULT_SIZE, SCALE_SIZE, seedDataset, type DatasetSize } from "../simulator/seed";
import { startSimulator, type Simulator } from "../simulator/server";

const REQUESTS_PER_ROUTE = 200;
const WRITES = 100;
const TICKS = 20;

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const summary = (values: number[]) => ({ medianMs: round(percentile(values, 50), 2), p99Ms: round(percentile(values, 99), 2) });

function measureSeed(size: DatasetSize) {
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const dataset = seedDataset({ seed: 1, size, systemKeys: [[], []] });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const org = dataset.orgs[0]!;
  const statuses = org.policies().reduce((n, p) => n + org.statusesOfPolicy(p.id).length, 0);
  return {
    wallMs: round(wallMs, 0),
    cpuMs: round((cpu.user + cpu.system) / 1000, 0),
    heapMB: round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20, 0),
    results: dataset.orgs.reduce((n, o) => n + o.allResults().length, 0),
    statusesOfFirstOrg: statuses,
  };
}

async function timed(sim: Simulator, paths: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(`${sim.origin}${path}`, { headers: { "x-api-key": sim.keys.singleOrg } });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
  }
  return times;
}

async function json<T>(sim: Simulator, path: string): Promise<T> {
  return (await fetch(`${sim.origin}${path}`, { headers: { "x-api-key": sim.keys.singleOrg } })).json() as Promise<T>;
}

/** Every non-empty page (limit 100) of the policies' statuses, in policy order, up to REQUESTS_PER_ROUTE. */
async function statusPages(sim: Simulator): Promise<string[]> {
  const policies = await json<Array<{ id: string }>>(sim, "/api/v2/policies?limit=100");
  const paths: string[] = [];
  for (const policy of policies) {
    for (let skip = 0; paths.length < REQUESTS_PER_ROUTE; skip += 100) {
      const path = `/api/v2/policies/${policy.id}/policystatuses?limit=100&skip=${skip}`;
      const page = await json<unknown[]>(sim, path);
      if (page.length > 0) paths.push(path);
      if (page.length < 100) break;
    }
  }
  return paths;
}

async function measureRoutes(size: DatasetSize) {
  const sim = await startSimulator({ port: 0, seed: 1, size });
  try {
    const [policy] = await json<Array<{ id: string }>>(sim, "/api/v2/policies?limit=1");
    const systems = (await json<{ results: Array<{ _id: string }> }>(sim, "/api/systems?limit=100")).results;
    const statusTimes = await timed(sim, await statusPages(sim)); // finding the pages warmed them up
    const deepSystems = Math.max(0, Math.round(size.systems / 100) - 1) * 100;
    const repeat = (path: string) => Array.from({ length: REQUESTS_PER_ROUTE }, () => path);
    const associationTimes = await timed(sim, repeat(`/api/v2/policies/${policy!.id}/associations?targets=system,system_group&limit=100`));
    const systemStatusTimes = await timed(sim, systems.slice(0, 50).flatMap((s) => repeat(`/api/v2/systems/${s._id}/policystatuses?limit=100`).slice(0, 4)));
    const systemsPageTimes = await timed(sim, repeat(`/api/systems?limit=100&skip=${deepSystems}&sort=hostname`));

    // A write that binds a system (queuing its pending run) and one that unbinds it, one at a time.
    const [template] = await json<Array<{ id: string }>>(sim, "/api/v2/policytemplates?limit=1");
    const post = (path: string, body: unknown) =>
      fetch(`${sim.origin}${path}`, { method: "POST", headers: { "x-api-key": sim.keys.singleOrg, "content-type": "application/json" }, body: JSON.stringify(body) });
    const target = await (await post("/api/v2/policies", { name: "Bench writes", template: { id: template!.id } })).json() as { id: string };
    const writeTimes: number[] = [];
    for (let i = 0; i < WRITES; i++) {
      const system = systems[i % systems.length]!._id;
      for (const op of ["add", "remove"]) {
        const started = performance.now();
        const response = await post(`/api/v2/policies/${target.id}/associations`, { op, type: "system", id: system });
        writeTimes.push(performance.now() - started);
        if (response.status !== 204) throw new Error(`association ${op}: HTTP ${response.status}`);
      }
    }

    sim.setOptions({ churn: "low" });
    const tickTimes: number[] = [];
    let results = 0;
    for (let i = 0; i < TICKS; i++) {
      const started = performance.now();
      results += sim.advance(1).changes.results;
      tickTimes.push(performance.now() - started);
    }
    return {
      policyStatusesPage: summary(statusTimes),
      associationsList: summary(associationTimes),
      systemStatuses: summary(systemStatusTimes),
      v1SystemsPage: { ...summary(systemsPageTimes), skip: deepSystems },
      associationWrite: summary(writeTimes),
      lowChurnTick: { ...summary(tickTimes), resultsPerTick: round(results / TICKS, 0) },
    };
  } finally {
    await sim.close();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  measureSeed(DEFAULT_SIZE); // warm-up
  return {
    size: SCALE_SIZE,
    seed: { scale: measureSeed(SCALE_SIZE), defaultSize: measureSeed(DEFAULT_SIZE) },
    requests: { scale: await measureRoutes(SCALE_SIZE), defaultSize: await measureRoutes(DEFAULT_SIZE) },
  };
}
