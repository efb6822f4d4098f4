import { defineConfig } from "vitest/config";
import path from "node:path";
import ClockBoundFirst from "./scripts/test-order";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Server modules guard against client bundles with "server-only"; tests run them on the server.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ["./scripts/test-db-setup.ts"],
    setupFiles: ["./scripts/test-db-per-worker.ts"],
    // Most integration tests wait on the simulator, Postgres or a worker process rather than the CPU, so three files
    // run at once even on two cores; each worker has its own copy of the database (test-db-per-worker.ts).
    maxWorkers: 3,
    sequence: { sequencer: ClockBoundFirst },
    // A throwaway credentials key for the test databases only, and the test-only example integration.
    env: { CREDENTIALS_ENCRYPTION_KEY: "vitest:3q2+7wAAAAAbbbbbCCCCCdddddEEEEEfffffGGGGGhh=", TEST_INTEGRATIONS: "1" },
  },
});
