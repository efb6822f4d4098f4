"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guard";
import { testSavedCredential } from "@/lib/credentials/credential-connection";
import { credentialIdSchema } from "@/lib/credentials/credential-input";

/** Recheck a saved credential; the outcome becomes its status badge. */
export const testCredential = guardedAction({ role: "admin", input: credentialIdSchema }, async ({ id }, context) => {
  const outcome = await testSavedCredential(id, context);
  revalidatePath("/credentials");
  return outcome;
});
