"use server";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guard";
import { nodeConfigFormSchema, nodeConfigUpdateSchema } from "@/lib/node-configs/node-config-input";
import { createNodeConfig, updateNodeConfig } from "@/lib/node-configs/node-config-store";

// A new node has no id yet; a saved one names the version the builder loaded. No revalidatePath: the list
// renders on every request, and refreshing the builder's route would remount it and drop the run result.
const saveSchema = z.union([nodeConfigUpdateSchema, nodeConfigFormSchema]);

export const saveNodeConfig = guardedAction({ role: "editor", input: saveSchema }, async (form, context) => {
  const saved = await ("id" in form ? updateNodeConfig(form, context) : createNodeConfig(form, context));
  return { id: saved.id, name: saved.name, version: saved.version };
});
