import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { env } from "@/lib/env";

const globalForPool = globalThis as unknown as { sqlPool?: pg.Pool };

/**
 * A plain `pg` pool beside Prisma for the hot and bulk paths (the request budget on every JumpCloud request, the
 * set-based compliance writes): a query through it costs about a tenth of one through Prisma's wasm engine.
 */
export function sqlPool(): pg.Pool {
  if (!globalForPool.sqlPool) {
    const connectionString = env().DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which resolves the database.");
    const pool = new pg.Pool({ connectionString, max: 6, idleTimeoutMillis: 10_000 });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    pool.on("error", (error) => console.error(`[sql] idle connection lost: ${error.message}`));
    globalForPool.sqlPool = pool;
  }
  return globalForPool.sqlPool;
}

/** Closes the pool (scripts and tests that end their process cleanly). */
export async function closeSqlPool(): Promise<void> {
  const pool = globalForPool.sqlPool;
  globalForPool.sqlPool = undefined;
  await pool?.end();
}

const QUERY_ATTEMPTS = 3;

const statementNames = new Map<string, string>();

/**
 * A statement sent by name: each connection parses and plans it once, then only binds and executes it. For the
 * statements on every run's path (the token, the credential, the run record, the request budget).
 */
export function preparedStatement(text: string, values: unknown[]): pg.QueryConfig {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `jcm_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return { name, text, values };
}

/**
 * A statement that is safe to send twice (a read, an idempotent write), tried again on a fresh connection when the
 * pooled one was dropped by the server (a restart, a failover, pg_terminate_backend): such a connection fails only
 * its first query. Anything else fails at once.
 */
export async function queryAgainOnLostConnection<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await sqlPool().query<R>(preparedStatement(text, values));
    } catch (error) {
      if (attempt >= QUERY_ATTEMPTS || !isLostConnection(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
    }
  }
}

/** The server ended the connection (admin shutdown, crash, terminated backend) or the socket broke. */
export function isLostConnection(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && (code.startsWith("57P") || code === "08006" || code === "08003" || code === "ECONNRESET" || code === "ECONNREFUSED" || code === "EPIPE")) return true;
  const message = error instanceof Error ? error.message : "";
  return /Connection terminated|terminating connection|Client has encountered a connection error|Connection ended/i.test(message);
}
