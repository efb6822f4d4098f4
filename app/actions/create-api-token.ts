"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guard";
import { createApiTokenSchema } from "@/lib/api-tokens/api-token-input";
import { createApiToken as create } from "@/lib/api-tokens/api-token-store";

/** Every role may have tokens: a token acts with its owner's role, so a viewer's token only reads. */
export const createApiToken = guardedAction({ role: "viewer", input: createApiTokenSchema }, async (input, context) => {
  const { token, summary } = await create(input, context);
  revalidatePath("/settings/api-tokens");
  return { id: summary.id, name: summary.name, token };
});
