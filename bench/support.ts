// What the benchmarks share: rounding for the figures file, the busiest second of a request log, and the simulator
// in a process of its own, as JumpCloud is remote (its work then does not compete with the client's event loop).
import { spawn } from "node:child_process";
import path from "node:path";
import type { GuardContext } from "../lib/auth/guard";
import { freePort } from "../lib/database/embedded-postgres";

/** A throwaway credentials key for the benchmarks' own databases. */
export const BENCH_ENCRYPTION_KEY = "bench:q7Lw0l1cD7bq8nT3u8m0mB0y6f3S9x4Q2kZ5vJ7hR1E=";

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Largest number of requests that started within any one-second window. */
export function maxPerSecond(starts: number[]): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= 1000) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

export interface RemoteSimulator {
  origin: string;
  keys: { singleOrg: string };
  setOptions(patch: Record<string, unknown>): Promise<void>;
  stats(): Promise<{ maxConcurrent: number }>;
  resetStats(): Promise<void>;
  close(): Promise<void>;
}

/** Starts `simulator/main.ts` on a free port and applies `options` (size, latency) before anything is measured. */
export async function startRemoteSimulator(options: Record<string, unknown>): Promise<RemoteSimulator> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "simulator/main.ts"], {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: { ...process.env, SIMULATOR_PORT: String(port) },
    stdio: "ignore",
  });
  const origin = `http://127.0.0.1:${port}`;
  const control = async (route: string, body?: unknown) => {
    const response = await fetch(`${origin}/__simulator/${route}`, body === undefined ? { method: "POST" } : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`simulator ${route}: HTTP ${response.status}`);
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error("the simulator exited");
    const info = await fetch(`${origin}/__simulator/info`).then((r) => (r.ok ? (r.json() as Promise<{ keys: { singleOrg: string } }>) : undefined), () => undefined);
    if (info) {
      await control("options", options);
      return {
        origin,
        keys: info.keys,
        setOptions: (patch) => control("options", patch),
        stats: async () => (await fetch(`${origin}/__simulator/stats`)).json() as Promise<{ maxConcurrent: number }>,
        resetStats: () => control("stats/reset"),
        close: async () => void (child.kill("SIGTERM"), await new Promise((resolve) => child.once("exit", resolve))),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Points this process's app code at a bench database and the simulator, as a deployment's environment would, and
 * makes the owner a bench acts as with an API-key credential for the simulator. The app modules are loaded only now,
 * so they read this configuration.
 */
export async function benchOwner(databaseUrl: string, sim: RemoteSimulator, requestsPerSecond: number): Promise<{ actor: GuardContext; credentialId: string }> {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    CREDENTIALS_ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
    JUMPCLOUD_ALLOWED_ORIGINS: sim.origin,
    JUMPCLOUD_REQUESTS_PER_SECOND: String(requestsPerSecond),
  });
  (await import("../lib/env")).resetEnvCache();
  const { db } = await import("../lib/db");
  const { createCredential } = await import("../lib/credentials/credential-store");
  const user = await db.user.create({ data: { email: "bench@example.com", name: "Bench", passwordHash: "x", role: "owner" } });
  const actor: GuardContext = { user: { id: user.id, email: user.email, name: user.name, role: "owner", mustChangePassword: false }, ip: "127.0.0.1" };
  const credential = await createCredential(
    { name: "Bench", description: "", service: "jumpcloud", authType: "apiKey", fields: { apiKey: sim.keys.singleOrg, region: "us", baseUrl: sim.origin } },
    actor,
  );
  return { actor, credentialId: credential.id };
}

/** The start of every request this process sends to `origin`, as the simulator sees the app's fetches, until stop(). */
export function recordRequestStarts(origin: string): { starts: number[]; stop(): void } {
  const starts: number[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).startsWith(origin)) starts.push(performance.now());
    return realFetch(input, init);
  }) as typeof fetch;
  return { starts, stop: () => void (globalThis.fetch = realFetch) };
}
