import { describe, expect, it } from "vitest";
import { DEFAULT_SIZE, SCALE_SIZE, seedDataset } from "./seed";

const snapshot = (seed: number) => {
  const { templates, orgs } = seedDataset({ seed, size: DEFAULT_SIZE, systemKeys: [[], []] });
  return JSON.stringify({ templates, orgs: orgs.map((o) => ({ id: o.orgId, systems: o.systems, groups: o.systemGroups, policies: o.policies(), results: o.allResults() })) });
};

describe("seeded dataset", () => {
  it("is the same for the same seed and different for another", () => {
    expect(snapshot(7)).toBe(snapshot(7));
    expect(snapshot(7)).not.toBe(snapshot(8));
  });

  // How fast seeding is belongs to `npm run bench` (bench/simulator-scale.bench.ts); here only a quadratic
  // regression fails, with a bound a busy machine cannot reach (about 0.2 s of CPU on a quiet one).
  it("seeds 20,000 policy results without a quadratic slowdown", () => {
    seedDataset({ seed: 2, size: { policies: 20, systems: 50, systemGroups: 4, policyResults: 2000 }, systemKeys: [[], []] }); // JIT warm-up
    const started = performance.now();
    const { orgs } = seedDataset({ seed: 1, size: { policies: 200, systems: 500, systemGroups: 20, policyResults: 20_000 }, systemKeys: [[], []] });
    const elapsed = performance.now() - started;
    expect(orgs[0]?.allResults()).toHaveLength(20_000);
    expect(elapsed).toBeLessThan(15_000);
  });

  it("seeds 200 policies x 1,000 systems with every policy bound to many systems and a status for each", () => {
    const started = performance.now();
    const { orgs } = seedDataset({ seed: 1, size: SCALE_SIZE, systemKeys: [[], []] });
    const elapsed = performance.now() - started;
    const org = orgs[0]!;
    expect(org.policies()).toHaveLength(200);
    expect(org.systems).toHaveLength(1000);
    let pairs = 0;
    for (const policy of org.policies()) {
      const bound = org.systemPaths(policy.id);
      expect(bound.length, policy.name).toBeGreaterThanOrEqual(50);
      const statuses = org.statusesOfPolicy(policy.id);
      expect(statuses.map((s) => s.systemID).sort()).toEqual(bound.map((b) => b.system.id));
      pairs += bound.length;
    }
    expect(pairs).toBeGreaterThan(40_000);
    expect(org.allResults()).toHaveLength(SCALE_SIZE.policyResults);
    // About 0.6 s of CPU here; the bound only catches a quadratic regression, not a busy machine.
    expect(elapsed).toBeLessThan(15_000);
  });

  it("gives a small org a status for every bound pair even when policyResults is smaller", () => {
    const { orgs } = seedDataset({ seed: 4, size: { policies: 10, systems: 30, systemGroups: 4, policyResults: 5 }, systemKeys: [[], []] });
    const org = orgs[0]!;
    const pairs = org.policies().reduce((n, p) => n + org.systemPaths(p.id).length, 0);
    expect(pairs).toBeGreaterThan(5);
    expect(org.allResults()).toHaveLength(pairs);
    for (const policy of org.policies()) expect(org.statusesOfPolicy(policy.id)).toHaveLength(org.systemPaths(policy.id).length);
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
