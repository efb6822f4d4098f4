"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guard";
import { credentialFormSchema } from "@/lib/credentials/credential-input";
import { createCredential as create } from "@/lib/credentials/credential-store";

export const createCredential = guardedAction({ role: "admin", input: credentialFormSchema }, async (form, context) => {
  const created = await create(form, context);
  revalidatePath("/credentials");
  return { id: created.id, version: created.version, warnings: created.warnings };
});
