// Builds a client over a fake fetch with instant, recorded sleeps, for fast unit tests.
import type { JumpCloudAuth } from "../auth";
import { withRawParameters } from "./raw-client";
import { createJumpCloudClient, type JumpCloudClientOptions } from "../client";
import { cancelledError } from "../sleep";
import { createFakeFetch, type FakeHandler } from "./fake-fetch";

export const API_KEY = "canary-api-key-0123456789abcdef";

export function harness(handler: FakeHandler, options: Partial<JumpCloudClientOptions> & { auth?: JumpCloudAuth } = {}) {
  const fetch = createFakeFetch(handler);
  const sleeps: number[] = [];
  const client = withRawParameters(createJumpCloudClient({
    auth: { type: "apiKey", apiKey: API_KEY },
    fetch,
    random: () => 0.5,
    rateLimit: { requestsPerSecond: 1_000_000, burst: 1_000_000 },
    retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 4 },
    timeoutMs: 1000,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      return signal?.aborted ? Promise.reject(cancelledError()) : Promise.resolve();
    },
    ...options,
  }));
  return { client, fetch, sleeps };
}

export const ID = {
  policy: "5f4d7c8e9a1b2c3d4e5f6789",
  system: "5a1b2c3d4e5f67890abcdef1",
  template: "5ade0cfd1f24754c6c5dc9f3",
  field1: "5ade0cfd1f24754c6c5dc9f4",
  field2: "5ade0cfd1f24754c6c5dc9f5",
  org: "64b7aa11bb22cc33dd44ee55",
  org2: "64b7aa11bb22cc33dd44ee56",
};
