// What the benchmarks share: rounding for the figures file, the busiest second of a request log, and the simulator
// in a process of its own, as JumpCloud is remote (its work then does not compete with the client's event loop).
import { spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "../lib/database/embedded-postgres";

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
