import type { Keyring } from "./keyring";
import { envelopeKeyId, open, seal, SecretBoxError } from "./secret-box";

export interface SealedRow {
  id: string;
  service: string;
  envelope: string;
}

export interface RotationPlan {
  /** Rows to write back: their new envelope is sealed with the primary key. */
  updates: Array<{ id: string; fromKeyId: string; toKeyId: string; envelope: string }>;
  /** Rows already on the primary key. */
  unchanged: string[];
  /** Rows that could not be opened; left untouched so the caller can report them. */
  failures: Array<{ id: string; error: SecretBoxError }>;
}

/**
 * The pure part of key rotation: re-seals every row not on the keyring's primary key.
 * Running it again over its own output changes nothing.
 */
export function planRotation(rows: readonly SealedRow[], keyring: Keyring): RotationPlan {
  const plan: RotationPlan = { updates: [], unchanged: [], failures: [] };
  for (const row of rows) {
    const aad = { credentialId: row.id, service: row.service };
    try {
      const fromKeyId = envelopeKeyId(row.envelope);
      if (fromKeyId === keyring.primaryKeyId) {
        plan.unchanged.push(row.id);
        continue;
      }
      const secret = open(row.envelope, { keyring, aad });
      plan.updates.push({
        id: row.id,
        fromKeyId,
        toKeyId: keyring.primaryKeyId,
        envelope: seal(secret as string | Record<string, unknown>, { keyring, aad }),
      });
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      plan.failures.push({ id: row.id, error });
    }
  }
  return plan;
}
