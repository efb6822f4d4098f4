"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guard";
import { nodeConfigDuplicateSchema } from "@/lib/node-configs/node-config-input";
import { duplicateNodeConfig as duplicate } from "@/lib/node-configs/node-config-store";

export const duplicateNodeConfig = guardedAction({ role: "editor", input: nodeConfigDuplicateSchema }, async (input, context) => {
  const copy = await duplicate(input, context);
  revalidatePath("/node-builder");
  return { id: copy.id, name: copy.name };
});
