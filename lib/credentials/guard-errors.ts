import "server-only";
import { GuardError } from "@/lib/auth/guard";
import { CredentialError } from "./credential-errors";

/** Turns a credential problem into the refusal the form shows beside its fields. */
export async function asGuardError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof CredentialError)) throw error;
    const kind = error.kind === "cannotDecrypt" ? "invalid" : error.kind;
    throw new GuardError(kind, error.message, error.fieldErrors);
  }
}
