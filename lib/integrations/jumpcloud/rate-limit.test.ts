import { describe, expect, it } from "vitest";
import { TokenBucket } from "./rate-limit";

describe("TokenBucket", () => {
  it("lets a burst through at once, then spaces requests at the configured rate", async () => {
    let clock = 0;
    const waits: number[] = [];
    const bucket = new TokenBucket({ requestsPerSecond: 10, burst: 2 }, () => clock, async (ms) => {
      waits.push(ms);
    });
    expect(bucket.take()).toBeUndefined();
    expect(bucket.take()).toBeUndefined();
    await bucket.take();
    await bucket.take();
    expect(waits).toEqual([100, 200]); // queued callers get consecutive slots
    clock = 1000; // a quiet second refills up to the burst, not beyond
    waits.length = 0;
    expect(bucket.take()).toBeUndefined();
  });

  it("gives a cancelled slot back", async () => {
    // One bucket throughout: a waiter that is cancelled must not keep its reserved slot, so the next caller
    // waits one interval, not two.
    const waits: number[] = [];
    const bucket = new TokenBucket({ requestsPerSecond: 1, burst: 1 }, () => 0, (ms, signal) => {
      waits.push(ms);
      if (!signal) return Promise.resolve();
      return new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("cancelled"))));
    });
    expect(bucket.take()).toBeUndefined();
    const controller = new AbortController();
    const cancelled = bucket.take(controller.signal);
    controller.abort();
    await expect(cancelled).rejects.toThrow("cancelled");
    await bucket.take();
    expect(waits).toEqual([1000, 1000]);
  });
});
