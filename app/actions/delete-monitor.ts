"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guard";
import { deleteMonitor as remove } from "@/lib/compliance/monitor-store";

export const deleteMonitor = guardedAction({ role: "editor", input: z.object({ id: z.string().min(1).max(64) }).strict() }, async ({ id }, { user, ip }) => {
  const deleted = await remove(id, user, ip);
  revalidatePath("/monitors");
  return deleted;
});
