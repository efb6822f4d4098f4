import { loadAppKeyring } from "@/lib/credentials/app-keyring";
import { dataDir, loadOrCreateLocalSecret } from "@/lib/database/data-dir";
import { env, resetEnvCache } from "@/lib/env";

/**
 * The credentials keyring: from the environment; with the embedded database and no key set, a key generated
 * once into the data folder. Loaded here so a bad key stops the start, naming the variable.
 */
function resolveCredentialsKey(log: (line: string) => void): void {
  if (!env().CREDENTIALS_ENCRYPTION_KEY && !env().DATABASE_URL) {
    // Exported so the app server started afterwards finds the same generated key.
    process.env.CREDENTIALS_LOCAL_KEY_DIR = dataDir();
    resetEnvCache();
  }
  const keyring = loadAppKeyring();
  log(
    `credentials key: ${env().CREDENTIALS_ENCRYPTION_KEY ? "CREDENTIALS_ENCRYPTION_KEY" : "generated once, kept in the data folder"} (key id ${keyring.primaryKeyId}, ${keyring.keyIds.length - 1} older)`,
  );
}

/**
 * AUTH_SECRET signs sessions. From the environment when set; for the embedded default, generated once into
 * the data folder (0600), so no two installations share a secret and none is committed.
 */
export function resolveSecrets(log: (line: string) => void): void {
  resolveCredentialsKey(log);
  if (env().AUTH_SECRET) {
    log("AUTH_SECRET: from the environment");
    return;
  }
  // Exported for the app server, which Auth.js reads it from.
  process.env.AUTH_SECRET = loadOrCreateLocalSecret("auth-secret");
  resetEnvCache();
  log("AUTH_SECRET: generated once, kept in the data folder");
}
