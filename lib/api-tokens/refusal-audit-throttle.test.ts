import { describe, expect, it } from "vitest";
import { refusalToAudit } from "./refusal-audit-throttle";

describe("token refusal audit throttle", () => {
  it("writes one row per IP and reason per minute, counting the refusals folded into the next row", () => {
    expect(refusalToAudit("192.0.2.1", "unknown", 0)).toEqual({ folded: 0 });
    expect(refusalToAudit("192.0.2.1", "unknown", 1_000)).toBeNull();
    expect(refusalToAudit("192.0.2.1", "unknown", 2_000)).toBeNull();
    expect(refusalToAudit("192.0.2.1", "revoked", 2_000)).toEqual({ folded: 0 });
    expect(refusalToAudit("192.0.2.2", "unknown", 2_000)).toEqual({ folded: 0 });
    expect(refusalToAudit("192.0.2.1", "unknown", 61_000)).toEqual({ folded: 2 });
  });
});
