"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guard";
import { nodeConfigIdSchema } from "@/lib/node-configs/node-config-input";
import { deleteNodeConfig as remove } from "@/lib/node-configs/node-config-store";

export const deleteNodeConfig = guardedAction({ role: "editor", input: nodeConfigIdSchema }, async ({ id }, context) => {
  const deleted = await remove(id, context);
  revalidatePath("/node-builder");
  return deleted;
});
