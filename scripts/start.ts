// `npm start`: resolve the database (DATABASE_URL or the embedded Postgres), apply migrations, make sure the
// secrets exist, build when the sources changed, then serve the production app until Ctrl-C.
import { spawn } from "node:child_process";
import { migrateDatabase } from "@/lib/database/migrate";
import { resolveDatabase } from "@/lib/database/resolve-database";
import { env } from "@/lib/env";
import { buildIfNeeded } from "./build-if-needed";
import { applyNextTelemetrySetting } from "./next-telemetry";
import { resolveSecrets } from "./resolve-secrets";

const { PORT: port, HOST: host } = env();

function log(line: string) {
  console.log(`[start] ${line}`);
}

async function main() {
  applyNextTelemetrySetting();
  resolveSecrets(log);
  log(env().DATABASE_URL ? "database: DATABASE_URL is set" : "database: DATABASE_URL is not set, starting the embedded Postgres");
  const database = await resolveDatabase(log);
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await database
      .stop()
      .then(() => log("database stopped"))
      .catch((error: unknown) => console.error(`[start] stopping the database failed: ${String(error)}`));
    process.exit(code);
  };
  try {
    log(`database: ${database.description}`);
    await migrateDatabase(database.url, { quiet: true });
    log("migrations applied");
    await buildIfNeeded(log);
  } catch (error) {
    console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
    return;
  }

  const nextBin = "node_modules/next/dist/bin/next";
  // Started directly (not via npx) so the PID we signal is the server itself.
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", host], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: "production" },
  });
  log(`serving on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      log(`${signal}: stopping the server and the database`);
      server.kill(signal);
    });
  }
  server.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
