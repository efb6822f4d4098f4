"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guard";
import { nodeConfigRenameSchema } from "@/lib/node-configs/node-config-input";
import { renameNodeConfig as rename } from "@/lib/node-configs/node-config-store";

export const renameNodeConfig = guardedAction({ role: "editor", input: nodeConfigRenameSchema }, async (input, context) => {
  const renamed = await rename(input, context);
  revalidatePath("/node-builder");
  return { id: renamed.id, name: renamed.name, version: renamed.version };
});
