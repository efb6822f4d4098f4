"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guard";
import { apiTokenIdSchema } from "@/lib/api-tokens/api-token-input";
import { revokeApiToken as revoke } from "@/lib/api-tokens/api-token-store";

export const revokeApiToken = guardedAction({ role: "viewer", input: apiTokenIdSchema }, async ({ id }, context) => {
  const revoked = await revoke(id, context);
  revalidatePath("/settings/api-tokens");
  return revoked;
});
