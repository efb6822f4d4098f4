import "server-only";
import { GuardError } from "@/lib/auth/guard";
import { NodeConfigError } from "./node-config-errors";

/** Turns a node-config problem into the refusal the builder shows beside its fields. */
export async function asGuardError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof NodeConfigError)) throw error;
    throw new GuardError(error.kind, error.message, error.fieldErrors);
  }
}
