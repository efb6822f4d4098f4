import type { PolicyResult } from "./model";
import type { OrgStore } from "./org-store";
import type { Random } from "./random";

/** How an agent's policy run fails (exit status, stderr and the detail JumpCloud shows). */
export interface Failure {
  exitStatus: number;
  stdErr: string;
  detail: string;
}

const FAILURES: readonly Failure[] = [
  { exitStatus: 1, stdErr: "Access is denied.", detail: "Failed to apply setting: access denied" },
  { exitStatus: 2, stdErr: "The system cannot find the file specified.", detail: "Configuration target not found" },
  { exitStatus: 5, stdErr: "profile installation failed: device is not supervised", detail: "Policy requires a supervised device" },
  { exitStatus: 127, stdErr: "command not found", detail: "Required tool is missing on the system" },
];

const PENDING_DETAIL = "Waiting for the agent to check in";

interface ResultInput {
  id: string;
  policyID: string;
  systemID: string;
  startedMs: number;
}

/** A queued run: no endedAt until the agent reports. */
export function pendingResult({ id, policyID, systemID, startedMs }: ResultInput): PolicyResult {
  return {
    id, policyID, systemID, userObjectId: "", startedAt: isoTime(startedMs),
    success: false, exitStatus: 0, stdErr: "", stdOut: "", state: "pending", detail: PENDING_DETAIL,
  };
}

/** A finished run; `failure` null means success. */
export function settledResult({ id, policyID, systemID, startedMs }: ResultInput, failure: Failure | null, durationMs: number): PolicyResult {
  const success = failure === null;
  return {
    id, policyID, systemID, userObjectId: "", startedAt: isoTime(startedMs), endedAt: isoTime(startedMs + durationMs),
    success, exitStatus: failure?.exitStatus ?? 0, stdErr: failure?.stdErr ?? "", stdOut: success ? "Policy applied" : "",
    state: success ? "success" : "failed", detail: failure?.detail ?? "",
  };
}

/** How long an agent run takes: half a second to half a minute. */
export function runDurationMs(random: Random): number {
  return 500 + random.int(30_000);
}

export function randomFailure(random: Random): Failure {
  return random.pick(FAILURES);
}

/** Pending results written when systems become bound (or a policy changes), as the agent would queue them. */
export function pendingResults(store: OrgStore, policyId: string, systemIds: Iterable<string>, timeMs: number): PolicyResult[] {
  return [...systemIds].map((systemID) => pendingResult({ id: store.newId(timeMs), policyID: policyId, systemID, startedMs: timeMs }));
}

/** Date#toISOString: a flat string (a hand-built concatenation kept rope strings alive: 40% more heap at 100,000 results). */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
