"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guard";
import { asGuardError } from "@/lib/node-configs/guard-errors";
import { nodeConfigFormSchema, nodeConfigUpdateSchema } from "@/lib/node-configs/node-config-input";
import { createNodeConfig, updateNodeConfig } from "@/lib/node-configs/node-config-store";

// A new node has no id yet; a saved one names the version the builder loaded.
const saveSchema = z.union([nodeConfigUpdateSchema, nodeConfigFormSchema]);

export const saveNodeConfig = guardedAction({ role: "editor", input: saveSchema }, async (form, context) => {
  const saved = await asGuardError(() => ("id" in form ? updateNodeConfig(form, context) : createNodeConfig(form, context)));
  revalidatePath("/node-builder");
  return { id: saved.id, name: saved.name, version: saved.version };
});
