// Prisma 6's CLI with the wasm ("js") schema engine: the native engines cannot be downloaded here.
// See README "Architecture" for why, and ../shared/design/stack-probe.md for the probe that proved it.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// The wasm engine introspects pg "char"(18)/"name"(19) columns that adapter-pg cannot map: report them as text(25).
// CLI only; the app's runtime never loads this file.
const originalQuery = pg.Pool.prototype.query as (...args: unknown[]) => unknown;
(pg.Pool.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: unknown, ...args: unknown[]) {
  const result = originalQuery.apply(this, args) as Promise<{ fields?: { dataTypeID: number }[] }> | undefined;
  if (result && typeof result.then === "function") {
    return result.then((r) => {
      for (const field of r?.fields ?? []) if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
      return r;
    });
  }
  return result;
};

function poolConfig() {
  const raw = process.env.DATABASE_URL;
  if (!raw) throw new Error("DATABASE_URL is not set: run Prisma through `npm run db -- <command>`, which resolves the database.");
  const url = new URL(raw);
  // Discrete fields, not a connection string: adapter-pg derives the shadow database by overriding `database`,
  // which a connection string would silently win over.
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password) || undefined,
    database: url.pathname.slice(1),
    idleTimeoutMillis: 200,
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg(poolConfig()),
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
