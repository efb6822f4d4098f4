import "server-only";
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
