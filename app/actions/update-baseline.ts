"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guard";
import { baselineUpdateSchema } from "@/lib/drift/baseline-input";
import { deleteBaseline as remove, updateBaseline as update } from "@/lib/drift/baseline-store";

export const updateBaseline = guardedAction(
  { role: "editor", input: z.object({ id: z.string().min(1).max(64), patch: baselineUpdateSchema }).strict() },
  async ({ id, patch }, { user, ip }) => {
    const baseline = await update(id, patch, user, ip);
    revalidatePath(`/baselines/${id}`);
    return { version: baseline.version, currentVersion: baseline.currentVersion };
  },
);

export const deleteBaseline = guardedAction({ role: "editor", input: z.object({ id: z.string().min(1).max(64) }).strict() }, async ({ id }, { user, ip }) => {
  const deleted = await remove(id, user, ip);
  revalidatePath("/baselines");
  return deleted;
});
