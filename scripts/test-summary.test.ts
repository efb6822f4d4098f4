import { describe, expect, it } from "vitest";
import { countTests, summaryLine } from "./test-summary";

const vitest = {
  numPassedTests: 3,
  numFailedTests: 1,
  testResults: [
    {
      name: "/app/lib/a.test.ts",
      assertionResults: [
        { fullName: "a works", status: "passed" },
        { fullName: "a fails", status: "failed" },
        { fullName: "a needs the spec", status: "skipped" },
        { fullName: "a later", status: "todo" },
      ],
    },
    { name: "/app/lib/b.test.ts", assertionResults: [{ fullName: "b one", status: "passed" }, { fullName: "b two", status: "passed" }] },
  ],
};

const playwright = {
  stats: { expected: 2, unexpected: 0, skipped: 1, flaky: 1 },
  suites: [
    {
      title: "node-builder.spec.ts",
      file: "node-builder.spec.ts",
      specs: [{ title: "opens", tests: [{ status: "expected" as const }] }],
      suites: [
        {
          title: "saved nodes",
          file: "node-builder.spec.ts",
          specs: [
            { title: "save, list with last run status", tests: [{ status: "flaky" as const }] },
            { title: "rename", tests: [{ status: "expected" as const }] },
            { title: "chromium only", tests: [{ status: "skipped" as const }] },
          ],
        },
      ],
    },
  ],
};

describe("npm test's summary line", () => {
  it("counts a test that passed only on retry as flaky, not passed, and names every flaky and skipped test", () => {
    const counts = countTests(vitest, playwright, "/app");
    expect(counts).toEqual({
      passed: 5,
      failed: 1,
      flaky: ["node-builder.spec.ts › saved nodes › save, list with last run status"],
      skipped: ["lib/a.test.ts › a needs the spec", "lib/a.test.ts › a later (todo)", "node-builder.spec.ts › saved nodes › chromium only"],
    });
    expect(summaryLine(counts, 1)).toBe(
      "tests: 5 passed, 2 failed, 1 flaky, 3 skipped (flaky: node-builder.spec.ts › saved nodes › save, list with last run status; " +
        "skipped: lib/a.test.ts › a needs the spec; lib/a.test.ts › a later (todo); node-builder.spec.ts › saved nodes › chromium only)",
    );
  });

  it("stays short when everything passed", () => {
    expect(summaryLine(countTests({ ...vitest, numFailedTests: 0, testResults: [] }, undefined))).toBe("tests: 3 passed, 0 failed, 0 flaky, 0 skipped");
  });
});
