import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const projectRoot = path.resolve(import.meta.dirname, "../..");

/** Runs a Prisma CLI command against `databaseUrl` (wasm schema engine, see prisma.config.ts). */
export async function runPrisma(args: string[], databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const preload = path.join(projectRoot, "scripts/unref-long-timers.mjs");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", preload, prismaCli, ...args], {
      cwd: projectRoot,
      // The Prisma CLI child gets the whole environment (PATH, proxies), not only the app's configuration.
      // eslint-disable-next-line no-restricted-properties
      env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", options.quiet ? "pipe" : "inherit", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma ${args.join(" ")} failed (exit ${code}):\n${stderr.trim()}`)),
    );
  });
}

export function migrateDatabase(databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  return runPrisma(["migrate", "deploy"], databaseUrl, options);
}
