import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "prisma", "public", "proxy.ts", "next.config.mjs", "package-lock.json", "postcss.config.mjs"];
const IGNORED = new Set(["node_modules", "generated", ".next"]);

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (!IGNORED.has(child)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [command, ...args], { stdio: "inherit", env: { ...process.env, CHECKPOINT_DISABLE: "1", ...env } });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} failed`);
}

export function generatePrismaClient(): void {
  // generate reads no data, but without a URL the CLI cannot load the driver adapter and tries to download engines.
  run("node_modules/prisma/build/index.js", ["generate"], { DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://generate@127.0.0.1/unused" });
}

export function buildApp(): void {
  run("node_modules/next/dist/bin/next", ["build"]);
}

/** Generates the Prisma client and builds the app when the build is missing or older than any source. */
export function buildIfNeeded(log: (line: string) => void): void {
  const buildId = ".next/BUILD_ID";
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map(newestMtime));
  if (builtAt > changedAt && existsSync("lib/generated/prisma/client.ts")) {
    log("build is up to date");
    return;
  }
  log(builtAt ? "sources changed since the last build: rebuilding" : "no build yet: building (about a minute)");
  generatePrismaClient();
  buildApp();
}
