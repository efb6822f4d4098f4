"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guard";
import { monitorUpdateSchema } from "@/lib/compliance/monitor-input";
import { updateMonitor as update } from "@/lib/compliance/monitor-store";

const input = z.object({ id: z.string().min(1).max(64), patch: monitorUpdateSchema }).strict();

/** Edits and pause/resume; the version the form read turns a concurrent edit into a conflict, not a lost change. */
export const updateMonitor = guardedAction({ role: "editor", input }, async ({ id, patch }, { user, ip }) => {
  const monitor = await update(id, patch, user, ip);
  revalidatePath("/monitors");
  revalidatePath(`/monitors/${id}`);
  return { id: monitor.id, enabled: monitor.enabled, version: monitor.version };
});
