// `npm run credentials:rotate-key`: re-encrypt every credential under CREDENTIALS_ENCRYPTION_KEY, with the
// previous key(s) in CREDENTIALS_ENCRYPTION_KEYS_OLD. Safe to run twice; the second run re-encrypts nothing.
import { loadAppKeyring } from "@/lib/credentials/app-keyring";
import { rotateCredentialKey } from "@/lib/credentials/rotate-credential-key";
import { PRIMARY_KEY_VARIABLE } from "@/lib/crypto/keyring";
import { env } from "@/lib/env";
import { dataDir } from "@/lib/database/data-dir";
import { resolveDatabase } from "@/lib/database/resolve-database";
import { createPrismaClient } from "@/lib/database/prisma-client";

async function main() {
  if (!env().CREDENTIALS_ENCRYPTION_KEY) {
    console.error(
      `${PRIMARY_KEY_VARIABLE} is not set. Set it to the NEW key (openssl rand -base64 32) and CREDENTIALS_ENCRYPTION_KEYS_OLD to the old one` +
        ` (for the embedded default: the contents of ${dataDir()}/credentials.key), then run this again.`,
    );
    process.exit(2);
  }
  const keyring = loadAppKeyring();
  const database = await resolveDatabase(() => {});
  const db = createPrismaClient(database.url);
  try {
    const report = await rotateCredentialKey(db, keyring);
    console.log(`Re-encrypted ${report.reEncrypted} credential(s) under key ${keyring.primaryKeyId}; ${report.alreadyCurrent} already used it.`);
    for (const failure of report.failed) console.error(`Not re-encrypted: "${failure.name}": ${failure.reason}`);
    process.exitCode = report.failed.length > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
