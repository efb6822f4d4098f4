import { loadKeyring, type Keyring } from "@/lib/crypto/keyring";

export const LOCAL_KEY_DIR_VARIABLE = "CREDENTIALS_LOCAL_KEY_DIR";

let keyring: Keyring | undefined;

/**
 * The app's keyring: CREDENTIALS_ENCRYPTION_KEY (+ CREDENTIALS_ENCRYPTION_KEYS_OLD), or, for the embedded
 * default only, the key file that `npm start` created in the data folder. `npm start` loads it once before
 * serving, so a missing or malformed key stops the start with a message naming the variable.
 */
export function appKeyring(): Keyring {
  keyring ??= loadKeyring({ localKeyDir: process.env[LOCAL_KEY_DIR_VARIABLE] || undefined });
  return keyring;
}
