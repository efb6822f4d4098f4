import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const SIMULATOR_PORT = Number(process.env.E2E_SIMULATOR_PORT ?? 4100);
export const OWNER_STATE = "test-results/.auth/owner.json";
/** The records and viewer session the page walk uses (e2e/pages.setup.ts). */
export const PAGES_STATE = "test-results/.auth/pages.json";
/** The JumpCloud simulator the app may reach in these tests (and no other custom host). */
export const SIMULATOR_ORIGIN = `http://127.0.0.1:${SIMULATOR_PORT}`;
/** The alert tests' webhook receiver (e2e/alerts.spec.ts): the one plain-HTTP, loopback origin alerts may go to. */
export const ALERT_RECEIVER_ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_ALERT_RECEIVER_PORT ?? SIMULATOR_PORT + 5)}`;
/** Everything the app server prints, for the security suite's secret scan (see e2e/security-output-capture.mjs). */
export const APP_OUTPUT_FILE = path.join(os.tmpdir(), `jcm-e2e-app-${APP_PORT}.log`);

/**
 * Spec files that may run beside each other: each works on records it made itself, reads the simulator without
 * changing it, and asserts nothing about rows it did not make.
 */
const SHARED_SPECS = /\/(compliance-ui|every-page|foundation|http-hardening|monitors|runs|second-integration|sessions|ux|ux-pages)\.spec\.ts$/;

// The suite runs against the production build (`next build` first; `npm test` does it) and a fresh database
// given in DATABASE_URL, in Debian's Chromium: Playwright's own browser download cannot work here.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // Two browsers at once: a test spends most of its time waiting on the server, not the CPU. Only files that share
  // no state run side by side (SHARED_SPECS); the rest run one at a time after them (see projects below).
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".test-reports/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    // Recording a trace of every test to keep the failures' cost about a tenth of the suite's time on 2 cores; under
    // CI a failing test is retried with a trace. Locally, `npx playwright test --trace=on` records one.
    trace: "on-first-retry",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "owner-setup", testMatch: /owner-setup\.setup\.ts/ },
    { name: "pages-setup", dependencies: ["owner-setup"], testMatch: /pages\.setup\.ts/, use: { storageState: OWNER_STATE } },
    { name: "side-by-side", dependencies: ["pages-setup"], testMatch: SHARED_SPECS, use: { storageState: OWNER_STATE } },
    // Files that change what every other file sees (simulator faults, latency, churn or reseeding, the per-IP sign-in
    // lockout, dropped database connections) or that count every row of a table: alone, one at a time.
    { name: "one-at-a-time", dependencies: ["side-by-side"], testMatch: /\.spec\.ts/, testIgnore: SHARED_SPECS, workers: 1, use: { storageState: OWNER_STATE } },
  ],
  webServer: [
    {
      command: "node node_modules/tsx/dist/cli.mjs simulator/main.ts",
      url: `${SIMULATOR_ORIGIN}/__simulator/info`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { SIMULATOR_PORT: String(SIMULATOR_PORT), SIMULATOR_SEED: "1" },
    },
    {
      command: `node node_modules/next/dist/bin/next start -p ${APP_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${APP_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        DATABASE_URL: process.env.DATABASE_URL ?? "",
        AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdef0123456789",
        // A throwaway key for the test database only (32 zero-free bytes, base64).
        CREDENTIALS_ENCRYPTION_KEY: "e2e:q7Lw0l1cD7bq8nT3u8m0mB0y6f3S9x4Q2kZ5vJ7hR1E=",
        JUMPCLOUD_ALLOWED_ORIGINS: SIMULATOR_ORIGIN,
        ALERT_ALLOWED_ORIGINS: ALERT_RECEIVER_ORIGIN,
        // A failed webhook attempt is retried after a second, not ten, so the retry test waits seconds.
        ALERT_RETRY_DELAY_SECONDS: "1",
        // The example integration (lib/integrations/example) proves a second service runs end to end.
        TEST_INTEGRATIONS: "1",
        NODE_ENV: "production",
        NODE_OPTIONS: "--import ./e2e/security-output-capture.mjs",
        APP_OUTPUT_FILE,
      },
    },
  ],
});
