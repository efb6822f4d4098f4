import { describe, expect, it } from "vitest";
import { recordSignInFailure, recordSignInSuccess, signInRetryAfterMs } from "./sign-in-throttle";

describe("sign-in throttle", () => {
  it("allows five failures per account, then backs off exponentially up to 15 minutes", () => {
    const now = 1_000_000;
    const email = "throttle-a@example.com";
    for (let i = 0; i < 4; i++) recordSignInFailure(email, `10.0.0.${i}`, now);
    expect(signInRetryAfterMs(email, "10.0.1.1", now)).toBe(0);
    recordSignInFailure(email, "10.0.0.9", now);
    expect(signInRetryAfterMs(email, "10.0.1.1", now)).toBe(1_000);
    recordSignInFailure(email, "10.0.0.9", now);
    expect(signInRetryAfterMs(email, "10.0.1.1", now)).toBe(2_000);
    for (let i = 0; i < 30; i++) recordSignInFailure(email, `10.0.2.${i}`, now);
    expect(signInRetryAfterMs(email, "10.0.1.1", now)).toBe(15 * 60_000);
  });

  it("throttles an IP that tries many accounts, and a success does not clear the IP", () => {
    const now = 2_000_000;
    for (let i = 0; i < 20; i++) recordSignInFailure(`spray-${i}@example.com`, "192.0.2.7", now);
    expect(signInRetryAfterMs("someone-else@example.com", "192.0.2.7", now)).toBeGreaterThan(0);
    recordSignInSuccess("spray-0@example.com");
    expect(signInRetryAfterMs("someone-else@example.com", "192.0.2.7", now)).toBeGreaterThan(0);
    expect(signInRetryAfterMs("someone-else@example.com", "192.0.2.8", now)).toBe(0);
  });

  it("forgets failures after an hour and on success", () => {
    const email = "throttle-b@example.com";
    for (let i = 0; i < 6; i++) recordSignInFailure(email, "198.51.100.1", 0);
    expect(signInRetryAfterMs(email, "198.51.100.2", 500)).toBeGreaterThan(0);
    expect(signInRetryAfterMs(email, "198.51.100.2", 61 * 60_000)).toBe(0);
    for (let i = 0; i < 6; i++) recordSignInFailure(email, "198.51.100.3", 0);
    recordSignInSuccess(email);
    expect(signInRetryAfterMs(email, "198.51.100.4", 10)).toBe(0);
  });
});
