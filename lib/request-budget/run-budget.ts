// One run's view of its credential's request budget. A run records itself before its first request, and that request
// then drew its budget slot: two round trips in turn. Drawing the slot ahead, beside the record, makes them one.
import type { RateLimiter } from "@/lib/integrations/types";

export class RunBudget implements RateLimiter {
  private ahead: Promise<void> | undefined;

  constructor(private readonly shared: RateLimiter) {}

  /** Draws the next request's slot now; that request's `take` waits for this draw instead of starting one. */
  drawAhead(signal?: AbortSignal): Promise<void> {
    this.ahead = Promise.resolve(this.shared.take(signal));
    return this.ahead;
  }

  take(signal?: AbortSignal): Promise<void> | undefined {
    const ahead = this.ahead;
    this.ahead = undefined;
    return ahead ?? this.shared.take(signal);
  }
}
