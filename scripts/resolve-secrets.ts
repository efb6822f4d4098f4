import { LOCAL_KEY_DIR_VARIABLE } from "@/lib/credentials/app-keyring";
import { loadKeyring, PRIMARY_KEY_VARIABLE } from "@/lib/crypto/keyring";
import { dataDir, loadOrCreateLocalSecret } from "@/lib/database/data-dir";

/**
 * The credentials keyring: from the environment; with the embedded database and no key set, a key generated
 * once into the data folder. Loaded here so a bad key stops the start, naming the variable.
 */
function resolveCredentialsKey(log: (line: string) => void): void {
  if (!process.env[PRIMARY_KEY_VARIABLE] && !process.env.DATABASE_URL) process.env[LOCAL_KEY_DIR_VARIABLE] = dataDir();
  const keyring = loadKeyring({ localKeyDir: process.env[LOCAL_KEY_DIR_VARIABLE] });
  log(
    `credentials key: ${process.env[PRIMARY_KEY_VARIABLE] ? PRIMARY_KEY_VARIABLE : "generated once, kept in the data folder"} (key id ${keyring.primaryKeyId}, ${keyring.keyIds.length - 1} older)`,
  );
}

/**
 * AUTH_SECRET signs sessions. From the environment when set; for the embedded default, generated once into
 * the data folder (0600), so no two installations share a secret and none is committed.
 */
export function resolveSecrets(log: (line: string) => void): void {
  resolveCredentialsKey(log);
  if (process.env.AUTH_SECRET) {
    if (process.env.AUTH_SECRET.length < 32) throw new Error("AUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`).");
    log("AUTH_SECRET: from the environment");
    return;
  }
  process.env.AUTH_SECRET = loadOrCreateLocalSecret("auth-secret");
  log("AUTH_SECRET: generated once, kept in the data folder");
}
