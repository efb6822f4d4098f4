// The one summary line of `npm test`, read from the Vitest and Playwright JSON reports. A test that passed only on
// a retry is counted as flaky, not passed, and every flaky or skipped test is named, so nothing passes silently.
import path from "node:path";

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{ name: string; assertionResults: Array<{ fullName: string; status: string }> }>;
}

interface PlaywrightSuite {
  title: string;
  file?: string;
  specs?: Array<{ title: string; tests: Array<{ status: "expected" | "unexpected" | "flaky" | "skipped" }> }>;
  suites?: PlaywrightSuite[];
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; skipped: number; flaky: number };
  suites?: PlaywrightSuite[];
}

export interface TestCounts {
  passed: number;
  failed: number;
  flaky: string[];
  skipped: string[];
}

function playwrightTests(suites: PlaywrightSuite[] = [], file = "", titles: string[] = []): Array<{ name: string; status: string }> {
  return suites.flatMap((suite) => {
    const where = suite.file ?? file;
    // The top suite is the file itself; nested ones are describe() blocks.
    const inner = suite.title && suite.title !== where ? [...titles, suite.title] : titles;
    return [
      ...(suite.specs ?? []).flatMap((spec) => spec.tests.map((test) => ({ name: [where, ...inner, spec.title].join(" › "), status: test.status }))),
      ...playwrightTests(suite.suites, where, inner),
    ];
  });
}

/** Counts and names from both reports; a missing report (its step never ran) counts nothing. */
export function countTests(vitest: VitestReport | undefined, playwright: PlaywrightReport | undefined, root = process.cwd()): TestCounts {
  const vitestSkipped = (vitest?.testResults ?? []).flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status !== "passed" && test.status !== "failed")
      .map((test) => `${path.relative(root, file.name)} › ${test.fullName}${test.status === "todo" ? " (todo)" : ""}`),
  );
  const e2e = playwrightTests(playwright?.suites);
  return {
    passed: (vitest?.numPassedTests ?? 0) + (playwright?.stats.expected ?? 0),
    failed: (vitest?.numFailedTests ?? 0) + (playwright?.stats.unexpected ?? 0),
    flaky: e2e.filter((test) => test.status === "flaky").map((test) => test.name),
    skipped: [...vitestSkipped, ...e2e.filter((test) => test.status === "skipped").map((test) => test.name)],
  };
}

/** `tests: 560 passed, 0 failed, 1 flaky, 0 skipped (flaky: …)`; `failedChecks` adds lint, typecheck and the like. */
export function summaryLine(counts: TestCounts, failedChecks = 0): string {
  const named = [
    counts.flaky.length ? `flaky: ${counts.flaky.join("; ")}` : "",
    counts.skipped.length ? `skipped: ${counts.skipped.join("; ")}` : "",
  ].filter(Boolean);
  return (
    `tests: ${counts.passed} passed, ${counts.failed + failedChecks} failed, ${counts.flaky.length} flaky, ${counts.skipped.length} skipped` +
    (named.length ? ` (${named.join("; ")})` : "")
  );
}
