"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guard";
import { credentialIdSchema } from "@/lib/credentials/credential-input";
import { deleteCredential as remove } from "@/lib/credentials/credential-store";
import { asGuardError } from "@/lib/credentials/guard-errors";

export const deleteCredential = guardedAction({ role: "admin", input: credentialIdSchema }, async ({ id }, context) => {
  const deleted = await asGuardError(() => remove(id, context));
  revalidatePath("/credentials");
  return deleted;
});
