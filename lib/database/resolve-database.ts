import path from "node:path";
import { env } from "@/lib/env";
import { dataDir } from "./data-dir";
import { startEmbeddedPostgres } from "./embedded-postgres";

export interface ResolvedDatabase {
  url: string;
  /** Says which database is in use, without its password. */
  description: string;
  stop(): Promise<void>;
}

export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const credentials = parsed.username ? `${parsed.username}${parsed.password ? ":****" : ""}@` : "";
    return `${parsed.protocol}//${credentials}${parsed.host}${parsed.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/**
 * The one place that decides which database the app uses: DATABASE_URL when set, otherwise an embedded
 * real Postgres kept under the data folder.
 */
export async function resolveDatabase(log: (line: string) => void = console.log): Promise<ResolvedDatabase> {
  const fromEnv = env().DATABASE_URL;
  if (fromEnv) {
    return { url: fromEnv, description: `DATABASE_URL (${redactDatabaseUrl(fromEnv)})`, stop: async () => {} };
  }
  const dir = path.join(dataDir(), "postgres");
  const port = env().EMBEDDED_POSTGRES_PORT;
  const running = await startEmbeddedPostgres({ dir, port, database: "app", log });
  return {
    url: running.url,
    description: `embedded Postgres 17 in ${running.dataDir} (${redactDatabaseUrl(running.url)})`,
    stop: running.stop,
  };
}
