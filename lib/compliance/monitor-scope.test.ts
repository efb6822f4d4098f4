import { describe, expect, it } from "vitest";
import { matchesScope, scopeFromStored, scopeInputSchema, scopeToStored } from "./monitor-scope";

const policy = (name: string, id = "5f4d7c8e9a1b2c3d4e5f6789") => ({ id, name });

describe("monitor scope", () => {
  it("matches names case-insensitively: * is a wildcard, otherwise the text is contained", () => {
    const windows = scopeInputSchema.parse({ kind: "nameFilter", pattern: "windows*" });
    expect(matchesScope(windows, policy("Windows - Lock Screen (Finance)"))).toBe(true);
    expect(matchesScope(windows, policy("macOS - Windows Server Login"))).toBe(false);
    const contains = scopeInputSchema.parse({ kind: "nameFilter", pattern: "lock screen" });
    expect(matchesScope(contains, policy("Windows - Lock Screen (Finance)"))).toBe(true);
    // Regex characters in a name filter are literal.
    expect(matchesScope(scopeInputSchema.parse({ kind: "nameFilter", pattern: "(Finance)" }), policy("Windows - Lock Screen (Finance)"))).toBe(true);
    expect(matchesScope(scopeInputSchema.parse({ kind: "nameFilter", pattern: "F.nance" }), policy("Finance"))).toBe(false);
  });

  it("matches chosen policies by id, whatever the case, and round-trips through storage", () => {
    const chosen = scopeInputSchema.parse({ kind: "policies", policyIds: ["5F4D7C8E9A1B2C3D4E5F6789", "5f4d7c8e9a1b2c3d4e5f6789"] });
    expect(chosen).toEqual({ kind: "policies", policyIds: ["5f4d7c8e9a1b2c3d4e5f6789"] });
    expect(matchesScope(chosen, policy("x"))).toBe(true);
    expect(matchesScope(chosen, policy("x", "000000000000000000000000"))).toBe(false);
    expect(scopeFromStored(scopeToStored(chosen))).toEqual(chosen);
    expect(scopeFromStored(scopeToStored({ kind: "all" }))).toEqual({ kind: "all" });
  });

  it("refuses ids that are not ObjectIDs and empty choices", () => {
    expect(scopeInputSchema.safeParse({ kind: "policies", policyIds: ["nope"] }).error?.issues[0]!.message).toMatch(/ObjectID/);
    expect(scopeInputSchema.safeParse({ kind: "policies", policyIds: [] }).error?.issues[0]!.message).toMatch(/at least one/);
    expect(scopeInputSchema.safeParse({ kind: "nameFilter", pattern: "  " }).success).toBe(false);
  });
});
