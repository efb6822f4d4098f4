import { describe, expect, it } from "vitest";
import { DEFAULT_SIZE, seedDataset } from "./seed";

const snapshot = (seed: number) => {
  const { templates, orgs } = seedDataset({ seed, size: DEFAULT_SIZE, systemKeys: [[], []] });
  return JSON.stringify({ templates, orgs: orgs.map((o) => ({ id: o.orgId, systems: o.systems, groups: o.systemGroups, policies: o.policies(), results: o.allResults() })) });
};

describe("seeded dataset", () => {
  it("is the same for the same seed and different for another", () => {
    expect(snapshot(7)).toBe(snapshot(7));
    expect(snapshot(7)).not.toBe(snapshot(8));
  });

  it("seeds 20,000 policy results well under a second", () => {
    seedDataset({ seed: 2, size: { policies: 20, systems: 50, systemGroups: 4, policyResults: 2000 }, systemKeys: [[], []] }); // JIT warm-up
    const started = performance.now();
    const { orgs } = seedDataset({ seed: 1, size: { policies: 200, systems: 500, systemGroups: 20, policyResults: 20_000 }, systemKeys: [[], []] });
    const elapsed = performance.now() - started;
    expect(orgs[0]?.allResults()).toHaveLength(20_000);
    expect(elapsed).toBeLessThan(1000);
  });

  it("has realistic ids, OS spread, result states and a typed windows_security_baseline template", () => {
    const { templates, orgs } = seedDataset({ seed: 1, size: DEFAULT_SIZE, systemKeys: [[], []] });
    const org = orgs[0]!;
    for (const id of [org.orgId, ...org.systems.map((s) => s.id), ...org.policies().map((p) => p.id)]) expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(new Set(org.systems.map((s) => s.os))).toEqual(new Set(["windows", "darwin", "linux"]));
    expect(new Set(org.allResults().map((r) => r.state))).toEqual(new Set(["success", "failed", "pending"]));
    expect(new Set(templates.map((t) => t.osMetaFamily))).toEqual(new Set(["windows", "darwin", "linux"]));
    const baseline = templates.find((t) => t.name === "windows_security_baseline")!;
    expect(new Set(baseline.configFields.map((f) => f.displayType))).toEqual(new Set(["number", "checkbox", "select", "text"]));
    expect(baseline.configFields.find((f) => f.displayType === "select")?.displayOptions?.select.length).toBeGreaterThan(1);
    expect(baseline.configFields.every((f) => f.defaultValue !== null)).toBe(true);
    expect(orgs[1]!.systems.length).toBeLessThan(org.systems.length);
  });
});
