import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { env } from "@/lib/env";
import { dataDir } from "./data-dir";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { migrateDatabase } from "./migrate";
import { COPY_SUFFIX, withDatabase } from "./test-database-copy";

export interface TestDatabase {
  url: string;
  /** Where the server came from, for the test log. */
  source: string;
  drop(): Promise<void>;
}

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

async function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  const open = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    socket.setTimeout(500, () => (socket.destroy(), resolve(false)));
    socket.once("connect", () => (socket.end(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
  if (!open) return false;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A fresh, migrated database for one test run, on the first real Postgres found: DATABASE_URL's server, the
 * machine's own server on 127.0.0.1:5432, or an embedded one under the data folder.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  let server: string;
  let source: string;
  let stopServer = async () => {};
  const configured = env().DATABASE_URL;
  if (configured) {
    server = withDatabase(configured, "postgres");
    source = "DATABASE_URL's server";
  } else if (await answers(LOCAL_SERVER)) {
    server = LOCAL_SERVER;
    source = "the local server on 127.0.0.1:5432";
  } else {
    const embedded = await startEmbeddedPostgres({ dir: path.join(dataDir(), "test-postgres"), port: 0, database: "postgres" });
    server = embedded.url;
    source = "an embedded Postgres 17";
    stopServer = embedded.stop;
  }
  const name = `jc_test_${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = withDatabase(server, name);
  await migrateDatabase(url, { quiet: true });
  return {
    url,
    source,
    async drop() {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      const { rows: copies } = await client.query<{ datname: string }>(`select datname from pg_database where starts_with(datname, $1)`, [`${name}${COPY_SUFFIX}`]);
      for (const copy of copies) await client.query(`drop database if exists "${copy.datname}" with (force)`);
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
      await stopServer();
    },
  };
}
