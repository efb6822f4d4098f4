"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guard";
import { credentialUpdateSchema } from "@/lib/credentials/credential-input";
import { updateCredential as update } from "@/lib/credentials/credential-store";

export const updateCredential = guardedAction({ role: "admin", input: credentialUpdateSchema }, async (form, context) => {
  const updated = await update(form, context);
  revalidatePath("/credentials");
  return { id: updated.id, version: updated.version, warnings: updated.warnings };
});
