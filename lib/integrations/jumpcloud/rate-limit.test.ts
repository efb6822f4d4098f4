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
    const bucket = new TokenBucket({ requestsPerSecond: 1, burst: 1 }, () => 0, (_ms, signal) =>
      new Promise((_, reject) => signal?.addEventListener("abort", () => reject(new Error("cancelled")))),
    );
    bucket.take();
    const controller = new AbortController();
    const waiting = bucket.take(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow("cancelled");
    const waits: number[] = [];
    const probe = new TokenBucket({ requestsPerSecond: 1, burst: 1 }, () => 0, async (ms) => void waits.push(ms));
    probe.take();
    await probe.take();
    expect(waits).toEqual([1000]);
  });
});
