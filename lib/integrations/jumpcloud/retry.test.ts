import { describe, expect, it } from "vitest";
import { defaultRetryOptions, parseRetryAfter, retryDelay } from "./retry";

describe("retry timing", () => {
  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("3", 0)).toBe(3000);
    const now = Date.parse("Tue, 05 Mar 2024 14:03:22 GMT");
    expect(parseRetryAfter("Tue, 05 Mar 2024 14:03:27 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Tue, 05 Mar 2024 14:03:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("backs off exponentially with jitter, capped", () => {
    const options = { ...defaultRetryOptions, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(retryDelay(1, undefined, options, () => 0)).toBe(50);
    expect(retryDelay(1, undefined, options, () => 1)).toBe(100);
    expect(retryDelay(3, undefined, options, () => 1)).toBe(400);
    expect(retryDelay(10, undefined, options, () => 1)).toBe(1000);
  });

  it("honours Retry-After but never beyond the cap", () => {
    const options = { ...defaultRetryOptions, baseDelayMs: 100, maxRetryAfterMs: 5000 };
    expect(retryDelay(1, 2000, options, () => 0.5)).toBe(2000);
    expect(retryDelay(1, 3_600_000, options, () => 0.5)).toBe(5000);
  });
});
