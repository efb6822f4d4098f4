// The copies of a run's migrated test database that vitest's parallel workers use (scripts/test-db-per-worker.ts):
// only pg here, since every test file's setup imports it.
import pg from "pg";

export const COPY_SUFFIX = "_w";

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The name of the copy of a migrated test database that one parallel test worker uses (see createWorkerCopy). */
export function workerCopyName(url: string, worker: string): string {
  return `${new URL(url).pathname.slice(1)}${COPY_SUFFIX}${worker}`;
}

/**
 * Makes that copy from the original as a template, if it is not there yet: a test that ends every connection or
 * empties a table then touches only its own worker's files. Dropped with the original (TestDatabase.drop).
 */
export async function createWorkerCopy(url: string, worker: string): Promise<string> {
  const copy = workerCopyName(url, worker);
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    // Workers start together; Postgres refuses to copy a template another CREATE DATABASE is reading.
    await admin.query(`select pg_advisory_lock(hashtext('jcm:test-database-copy'))`);
    const { rowCount } = await admin.query(`select 1 from pg_database where datname = $1`, [copy]);
    if (!rowCount) await admin.query(`create database "${copy}" template "${new URL(url).pathname.slice(1)}"`);
  } finally {
    await admin.end();
  }
  return withDatabase(url, copy);
}
