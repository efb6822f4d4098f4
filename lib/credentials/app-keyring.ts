import { loadKeyring, type Keyring } from "@/lib/crypto/keyring";
import { env } from "@/lib/env";

let keyring: Keyring | undefined;

/**
 * The keyring the configuration describes: CREDENTIALS_ENCRYPTION_KEY (+ CREDENTIALS_ENCRYPTION_KEYS_OLD), or,
 * for the embedded default only, the key file that `npm start` created in the data folder.
 */
export function loadAppKeyring(): Keyring {
  const config = env();
  return loadKeyring({
    env: { CREDENTIALS_ENCRYPTION_KEY: config.CREDENTIALS_ENCRYPTION_KEY, CREDENTIALS_ENCRYPTION_KEYS_OLD: config.CREDENTIALS_ENCRYPTION_KEYS_OLD },
    localKeyDir: config.CREDENTIALS_LOCAL_KEY_DIR,
  });
}

/** The app's keyring, loaded once. `npm start` loads it before serving, so a bad key stops the start naming the variable. */
export function appKeyring(): Keyring {
  keyring ??= loadAppKeyring();
  return keyring;
}
