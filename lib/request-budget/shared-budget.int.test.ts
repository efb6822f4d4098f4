import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSqlPool } from "@/lib/database/sql-pool";
import { SharedRequestBudget } from "./shared-budget";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The most draws that fall within any window of `windowMs`. */
function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= windowMs) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

async function insertCredential(client: pg.Client): Promise<string> {
  const id = randomUUID();
  await client.query(
    `insert into "Credential" (id, name, service, "authType", settings, "secretEnvelope", "keyId", "updatedAt") values ($1, $2, 'jumpcloud', 'apiKey', '{}', 'x', 'k', now())`,
    [id, `budget ${id}`],
  );
  return id;
}

/** Starts a drawing process; resolves to its draw times once released and done. */
function drawer(credentialId: string, rps: number, burst: number, count: number, lanes: number) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/request-budget/testing/draw-budget.ts", credentialId, String(rps), String(burst), String(count), String(lanes)], {
    cwd: ROOT,
    env: process.env,
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  let onReady = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith("ready\n")) onReady();
  });
  const done = new Promise<number[]>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.slice("ready\n".length)) as number[]) : reject(new Error(`drawer exited ${code}`))));
  });
  return { ready, release: () => child.stdin.end("go\n"), done };
}

describe("shared request budget (Postgres token bucket)", () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await closeSqlPool();
  });

  it("lets a burst through at once, then spaces requests at the rate, in the order they asked", async () => {
    const credentialId = await insertCredential(client);
    const budget = new SharedRequestBudget(credentialId, { requestsPerSecond: 40, burst: 4 });
    const started = Date.now();
    const order: number[] = [];
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        budget.take().then(() => {
          order.push(index);
          times.push(Date.now());
        }),
      ),
    );
    // 4 from the full bucket, then 20 more at 40/s: at least half a second in all.
    expect(Date.now() - started).toBeGreaterThanOrEqual(480);
    expect(maxInAnyWindow(times, 1000)).toBeLessThanOrEqual(40 + 4 + 2);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("is shared by two processes: together they stay within one credential's budget", async () => {
    const credentialId = await insertCredential(client);
    const rps = 50;
    const burst = 5;
    const perProcess = 60;
    const a = drawer(credentialId, rps, burst, perProcess, 8);
    const b = drawer(credentialId, rps, burst, perProcess, 8);
    // Both import and connect first; the release makes them compete for the same bucket at once.
    await Promise.all([a.ready, b.ready]);
    a.release();
    b.release();
    const [timesA, timesB] = await Promise.all([a.done, b.done]);
    const all = [...timesA, ...timesB];
    expect(all).toHaveLength(2 * perProcess);
    // Each process alone may not take the whole budget either: both got draws while the other was drawing.
    expect(Math.min(...timesB)).toBeLessThan(Math.max(...timesA));
    expect(Math.min(...timesA)).toBeLessThan(Math.max(...timesB));
    // The token bucket's promise, checked on the slots the database handed out: no second holds more.
    expect(maxInAnyWindow(all, 1000)).toBeLessThanOrEqual(rps + burst);
    // 120 draws at 50/s after a burst of 5 cannot finish in under 2.3 s, however the two processes interleave.
    expect(Math.max(...all) - Math.min(...all)).toBeGreaterThanOrEqual(((2 * perProcess - burst) / rps) * 1000 - 50);
  });

  it("survives the database dropping its connections (a restart): the next draw takes a fresh one", async () => {
    const credentialId = await insertCredential(client);
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, application_name: `budget-${credentialId.slice(0, 8)}`, max: 1 });
    const budget = new SharedRequestBudget(credentialId, { requestsPerSecond: 1000 }, () => pool);
    // Before the restart: the idle connection's error reaches the pool as soon as it is terminated.
    pool.on("error", () => {});
    await budget.take();
    await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [`budget-${credentialId.slice(0, 8)}`]);
    await expect(budget.take()).resolves.toBeUndefined();
    await pool.end();
  });

  it("refuses clearly when the database cannot be reached, instead of sending unbudgeted requests", async () => {
    const unreachable = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 2000 });
    const budget = new SharedRequestBudget("any", { requestsPerSecond: 10 }, () => unreachable);
    await expect(budget.take()).rejects.toThrow(/shared request budget could not be read/);
    await unreachable.end();
  });
});
