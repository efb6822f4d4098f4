import { loadOrCreateLocalSecret } from "@/lib/database/data-dir";

/**
 * AUTH_SECRET signs sessions. From the environment when set; for the embedded default, generated once into
 * the data folder (0600), so no two installations share a secret and none is committed.
 */
export function resolveSecrets(log: (line: string) => void): void {
  if (process.env.AUTH_SECRET) {
    if (process.env.AUTH_SECRET.length < 32) throw new Error("AUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`).");
    log("AUTH_SECRET: from the environment");
    return;
  }
  process.env.AUTH_SECRET = loadOrCreateLocalSecret("auth-secret");
  log("AUTH_SECRET: generated once, kept in the data folder");
}
