import { createRandom, deriveSeed, type Random } from "./random";

export type FaultKind = "429" | "502" | "503" | "504" | "timeout";
export const FAULT_KINDS: readonly FaultKind[] = ["429", "502", "503", "504", "timeout"];

export interface TrafficOptions {
  latencyMs: number;
  rateLimit: { requestsPerSecond: number } | null;
  faultRate: number;
  faultKinds: FaultKind[];
  /** How long a "timeout" fault hangs before it drops the connection (or, with timeoutMode "late", answers). */
  timeoutMs: number;
  timeoutMode: "drop" | "late";
}

export type TrafficDecision =
  | { kind: "pass" }
  | { kind: "rateLimited"; retryAfterSeconds: number }
  | { kind: "fault"; fault: FaultKind };

/**
 * Decides, before a request touches any state, whether it is rate limited or faulted. Fault draws come from
 * a seeded stream, so a test that sends the same requests in the same order sees the same faults.
 */
export class TrafficControl {
  private random: Random;
  private tokens = 0;
  private refilledAtMs = 0;
  private budget: number | null = null;

  constructor(seed: number, private options: () => TrafficOptions) {
    this.random = createRandom(deriveSeed(seed, "faults"));
  }

  reseed(seed: number): void {
    this.random = createRandom(deriveSeed(seed, "faults"));
  }

  decide(nowMs: number): TrafficDecision {
    const { rateLimit, faultRate, faultKinds } = this.options();
    if (rateLimit && rateLimit.requestsPerSecond > 0) {
      const retryAfterSeconds = this.takeToken(rateLimit.requestsPerSecond, nowMs);
      if (retryAfterSeconds !== null) return { kind: "rateLimited", retryAfterSeconds };
    }
    if (faultRate > 0 && faultKinds.length > 0 && this.random.next() < faultRate) {
      return { kind: "fault", fault: this.random.pick(faultKinds) };
    }
    return { kind: "pass" };
  }

  /** Token bucket holding one second of budget; returns null when a token was taken, else seconds to wait. */
  private takeToken(perSecond: number, nowMs: number): number | null {
    if (this.budget !== perSecond) {
      this.budget = perSecond;
      this.tokens = perSecond;
      this.refilledAtMs = nowMs;
    }
    this.tokens = Math.min(perSecond, this.tokens + ((nowMs - this.refilledAtMs) / 1000) * perSecond);
    this.refilledAtMs = nowMs;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return null;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / perSecond));
  }
}
