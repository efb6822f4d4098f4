import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/** The git-ignored folder that holds the embedded defaults: the Postgres cluster and generated secrets. */
export function dataDir(): string {
  const dir = path.resolve(env().DATA_DIR);
  // 0711: the embedded Postgres runs as the "postgres" user and must traverse this folder to reach its own
  // subfolder; listing it stays forbidden, and the secrets inside are 0600.
  mkdirSync(dir, { recursive: true, mode: 0o711 });
  chmodSync(dir, 0o711);
  return dir;
}

/**
 * A secret generated once and kept in the data folder with 0600 permissions, so the embedded default needs no
 * configuration yet never ships a shared default value. A file other users could read is refused.
 */
export function loadOrCreateLocalSecret(fileName: string, bytes = 32): string {
  const file = path.join(dataDir(), fileName);
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(bytes).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new Error(`${file} is readable by other users (mode ${mode.toString(8)}); run: chmod 600 ${file}`);
  }
  chmodSync(file, 0o600);
  return readFileSync(file, "utf8").trim();
}
