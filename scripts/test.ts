// `npm test`: every test, in the order that fails fastest: lint and the production build side by side, typecheck,
// unit + integration (vitest, real Postgres, the simulator), then the browser suite against that build. Ends with one
// summary line.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createTestDatabase, type TestDatabase } from "@/lib/database/test-database";
import { generatePrismaClient } from "./build-if-needed";
import { applyNextTelemetrySetting } from "./next-telemetry";
import { countTests, summaryLine } from "./test-summary";

// Not test-results/: Playwright empties that folder when it starts.
const REPORTS = ".test-reports";

function step(title: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`=== ${title}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

/**
 * Steps that need nothing from each other, run at once (each is mostly one core's work): their output is held and
 * printed whole, one step after another, so it reads as if they had run in turn.
 */
async function sideBySide(steps: Array<[title: string, command: string, args: string[]]>): Promise<boolean[]> {
  const started = Date.now();
  const runs = steps.map(([title, command, args]) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: process.env });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    return new Promise<{ title: string; ok: boolean; seconds: number; output: string }>((resolve) => {
      child.on("error", (error) => resolve({ title, ok: false, seconds: (Date.now() - started) / 1000, output: String(error) }));
      child.on("close", (code) => resolve({ title, ok: code === 0, seconds: (Date.now() - started) / 1000, output: Buffer.concat(output).toString() }));
    });
  });
  const results = await Promise.all(runs);
  for (const { title, ok, seconds, output } of results) {
    console.log(`\n=== ${title}`);
    if (output) process.stdout.write(output);
    console.log(`=== ${title}: ${ok ? "ok" : "FAILED"} in ${seconds.toFixed(1)} s`);
  }
  return results.map(({ ok }) => ok);
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

async function main() {
  applyNextTelemetrySetting();
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  generatePrismaClient();
  const checks: Array<[string, boolean]> = [];
  const [lint, build] = await sideBySide([
    ["lint", "npx", ["eslint", ".", "--max-warnings=0"]],
    ["build (next build)", process.execPath, ["node_modules/next/dist/bin/next", "build"]],
  ]);
  checks.push(["lint", lint!], ["build", build!]);
  // After the build, not beside it: tsc reads the route types the build writes (.next/types), and a build starts by
  // emptying .next.
  checks.push(["typecheck", step("typecheck", "npx", ["tsc", "--noEmit", "-p", "."])]);

  const databases: TestDatabase[] = [];
  try {
    const unitDb = await createTestDatabase("vitest");
    databases.push(unitDb);
    console.log(`\ntest databases on ${unitDb.source}`);
    checks.push([
      "vitest",
      step("unit and integration tests (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORTS}/vitest.json`], {
        DATABASE_URL: unitDb.url,
        TEST_DATABASE_READY: "1",
      }),
    ]);

    if (build) {
      const e2eDb = await createTestDatabase("e2e");
      databases.push(e2eDb);
      checks.push(["playwright", step("browser tests (Playwright, Chromium)", "npx", ["playwright", "test"], { DATABASE_URL: e2eDb.url })]);
    } else {
      console.log("\n=== browser tests (Playwright, Chromium): not run, the build failed");
    }
  } finally {
    for (const database of databases) await database.drop().catch(() => {});
  }

  const counts = countTests(readJson(`${REPORTS}/vitest.json`), readJson(`${REPORTS}/playwright.json`));
  const failedChecks = checks.filter(([name, ok]) => !ok && name !== "vitest" && name !== "playwright").length;
  console.log(`\nchecks: ${checks.map(([name, ok]) => `${name} ${ok ? "ok" : "FAILED"}`).join(", ")}`);
  console.log(summaryLine(counts, failedChecks));
  process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log("tests: 0 passed, 1 failed, 0 flaky, 0 skipped");
  process.exit(1);
});
