// A destination's signing secret, sealed like a credential's secrets (AES-256-GCM with the app keyring, bound to
// the destination's id), opened only to sign a delivery.
import "server-only";
import { appKeyring } from "@/lib/credentials/app-keyring";
import { open, seal } from "@/lib/crypto/secret-box";

const SERVICE = "alert-destination";

export function sealSecret(destinationId: string, secret: string): { secretEnvelope: string; keyId: string } {
  const keyring = appKeyring();
  return { secretEnvelope: seal(secret, { keyring, aad: { credentialId: destinationId, service: SERVICE } }), keyId: keyring.primaryKeyId };
}

export function openSecret(destinationId: string, envelope: string): string {
  const value = open(envelope, { keyring: appKeyring(), aad: { credentialId: destinationId, service: SERVICE } });
  if (typeof value !== "string") throw new Error("The stored signing secret is not a string.");
  return value;
}

/** The secrets that sign now: the current one, and the previous one while its overlap after a rotation lasts. */
export function signingSecrets(
  destination: { id: string; secretEnvelope: string; previousSecretEnvelope: string | null; previousSecretUntil: Date | null },
  now: Date,
): string[] {
  const secrets = [openSecret(destination.id, destination.secretEnvelope)];
  if (destination.previousSecretEnvelope && destination.previousSecretUntil && destination.previousSecretUntil > now) {
    secrets.push(openSecret(destination.id, destination.previousSecretEnvelope));
  }
  return secrets;
}
