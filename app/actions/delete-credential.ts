"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guard";
import { credentialIdSchema } from "@/lib/credentials/credential-input";
import { deleteCredential as remove } from "@/lib/credentials/credential-store";

export const deleteCredential = guardedAction({ role: "admin", input: credentialIdSchema }, async ({ id }, context) => {
  const deleted = await remove(id, context);
  revalidatePath("/credentials");
  return deleted;
});
