import type { Keyring } from "@/lib/crypto/keyring";
import { planRotation } from "@/lib/crypto/rotate";
import type { AppPrismaClient } from "@/lib/database/prisma-client";

export interface RotationReport {
  reEncrypted: number;
  alreadyCurrent: number;
  /** Credentials whose envelope could not be opened with any configured key; left untouched. */
  failed: Array<{ name: string; reason: string }>;
}

/**
 * Re-encrypts every credential not yet on the keyring's primary key, in one transaction: either all rows move
 * to the new key or none do. Running it again finds nothing to do.
 */
export async function rotateCredentialKey(db: AppPrismaClient, keyring: Keyring): Promise<RotationReport> {
  return db.$transaction(
    async (tx) => {
      // Locks the rows so a save cannot slip in between the read and the write.
      const rows = await tx.$queryRaw<Array<{ id: string; name: string; service: string; secretEnvelope: string }>>`
        select id, name, service, "secretEnvelope" from "Credential" for update`;
      const plan = planRotation(
        rows.map((r) => ({ id: r.id, service: r.service, envelope: r.secretEnvelope })),
        keyring,
      );
      for (const update of plan.updates) {
        await tx.credential.update({ where: { id: update.id }, data: { secretEnvelope: update.envelope, keyId: update.toKeyId } });
      }
      const names = new Map(rows.map((r) => [r.id, r.name]));
      return {
        reEncrypted: plan.updates.length,
        alreadyCurrent: plan.unchanged.length,
        failed: plan.failures.map((f) => ({ name: names.get(f.id) ?? f.id, reason: f.error.message })),
      };
    },
    { timeout: 120_000 },
  );
}
