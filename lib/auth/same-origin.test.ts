import { describe, expect, it, vi } from "vitest";

// GuardError lives beside the session guard; Auth.js itself needs Next's runtime, which these tests do not use.
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null }));
import { GuardError } from "./guard";
import { assertSameOrigin } from "./same-origin";

const from = (headers: Record<string, string>) => () => assertSameOrigin(new Headers({ host: "127.0.0.1:3000", ...headers }));

describe("same-origin check for cookie-authenticated routes", () => {
  it("admits the app's own pages and programs that send no browser headers", () => {
    expect(from({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" })).not.toThrow();
    expect(from({})).not.toThrow();
    expect(from({ "sec-fetch-site": "none" })).not.toThrow();
  });

  it("refuses another port of the same host, another site and an opaque origin", () => {
    for (const headers of <Record<string, string>[]>[
      { origin: "http://127.0.0.1:9999" },
      { origin: "http://127.0.0.1:9999", "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site" },
      { origin: "https://evil.example" },
      { origin: "null" },
    ]) {
      expect(from(headers), JSON.stringify(headers)).toThrow(GuardError);
    }
  });

  it("compares with the host a proxy forwarded", () => {
    expect(from({ origin: "https://connections.example.com", "x-forwarded-host": "connections.example.com" })).not.toThrow();
  });
});
