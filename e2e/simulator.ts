import { SIMULATOR_ORIGIN } from "../playwright.config";
import type { Simulator } from "../simulator/server";

/** What GET /__simulator/info answers: the simulator's fixed test facts. */
export type SimulatorInfo = Pick<Simulator, "origin" | "keys" | "orgs" | "serviceAccount" | "systems">;

/** The simulator's fixed test facts (keys, orgs, System Context systems with their private keys). */
export async function simulatorInfo(): Promise<SimulatorInfo> {
  const response = await fetch(`${SIMULATOR_ORIGIN}/__simulator/info`);
  if (!response.ok) throw new Error(`simulator info: HTTP ${response.status}`);
  return (await response.json()) as SimulatorInfo;
}

export async function setSimulatorOptions(patch: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${SIMULATOR_ORIGIN}/__simulator/options`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(patch),
  });
  if (!response.ok) throw new Error(`simulator options: HTTP ${response.status} ${await response.text()}`);
}

/** Request counters; `inFlight` counts requests the simulator is still answering (e.g. held by its latency). */
export async function simulatorStats(): Promise<{ requests: number; inFlight: number }> {
  const response = await fetch(`${SIMULATOR_ORIGIN}/__simulator/stats`);
  if (!response.ok) throw new Error(`simulator stats: HTTP ${response.status}`);
  return (await response.json()) as { requests: number; inFlight: number };
}

/** Reseeds the simulator's data (same seed, same ids), dropping what earlier tests created. */
export async function resetSimulator(): Promise<void> {
  const response = await fetch(`${SIMULATOR_ORIGIN}/__simulator/reset`, { method: "POST" });
  if (!response.ok) throw new Error(`simulator reset: HTTP ${response.status}`);
}
