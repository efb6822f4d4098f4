// `npm run worker`: a worker-only process (schedules, compliance snapshots, retention) for deployments that
// scale out. Run any number of them beside the app against the same DATABASE_URL: they share one schedule, each
// tick runs once, and a job whose worker dies is retried by another. Stops cleanly on Ctrl-C or SIGTERM.
import { loadAppKeyring } from "@/lib/credentials/app-keyring";
import { migrateDatabase } from "@/lib/database/migrate";
import { redactDatabaseUrl } from "@/lib/database/resolve-database";
import { closeSqlPool } from "@/lib/database/sql-pool";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { stopJobClient } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/jobs/worker";

function log(line: string) {
  console.log(`[worker] ${line}`);
}

async function main() {
  const url = env().DATABASE_URL;
  if (!url) {
    console.error("[worker] DATABASE_URL is not set. Point it at the app's database; with the embedded default, `npm start` already runs a worker.");
    process.exit(2);
  }
  // The same key as the app: snapshots open credentials. A missing key stops here, naming the variable.
  loadAppKeyring();
  log(`database: ${redactDatabaseUrl(url)}`);
  await migrateDatabase(url, { quiet: true });
  const worker = await startWorker({ log });
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) {
        log(`${signal} again: exiting now; running jobs will be retried by another worker`);
        process.exit(1);
      }
      stopping = true;
      log(`${signal}: stopping (running jobs are handed back for a retry)`);
      void worker
        .stop()
        .then(() => Promise.all([stopJobClient(), closeSqlPool(), db.$disconnect()]))
        .then(() => process.exit(0), (error: unknown) => {
          console.error(`[worker] stopping failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        });
    });
  }
}

main().catch((error: unknown) => {
  console.error(`[worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
