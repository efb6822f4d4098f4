import type { RateLimiter } from "../types";
import { sleep as defaultSleep, type Sleep } from "./sleep";

export interface RateBudget {
  requestsPerSecond: number;
  /** Requests that may start at once after a quiet period; defaults to requestsPerSecond / 10 (at least 1). */
  burst?: number;
}


/**
 * Token bucket that queues by going into debt: each caller reserves the next free slot, so waiters are served
 * in order without a timer per token. Share one instance between clients to share a budget.
 */
export class TokenBucket implements RateLimiter {
  readonly requestsPerSecond: number;
  readonly burst: number;
  private tokens: number;
  private last: number;

  constructor(
    budget: RateBudget,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: Sleep = defaultSleep,
  ) {
    if (!(budget.requestsPerSecond > 0)) throw new RangeError("requestsPerSecond must be positive");
    this.requestsPerSecond = budget.requestsPerSecond;
    this.burst = Math.max(1, Math.floor(budget.burst ?? budget.requestsPerSecond / 10));
    this.tokens = this.burst;
    this.last = this.now();
  }

  take(signal?: AbortSignal): Promise<void> | undefined {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.requestsPerSecond) / 1000);
    this.last = now;
    this.tokens -= 1;
    if (this.tokens >= 0) return undefined;
    const waitMs = (-this.tokens * 1000) / this.requestsPerSecond;
    return this.sleep(waitMs, signal).catch((error: unknown) => {
      this.tokens += 1; // give the reserved slot back to the queue
      throw error;
    });
  }
}
