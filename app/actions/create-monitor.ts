"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guard";
import { monitorCreateSchema } from "@/lib/compliance/monitor-input";
import { createMonitor as create } from "@/lib/compliance/monitor-store";

export const createMonitor = guardedAction({ role: "editor", input: monitorCreateSchema }, async (input, { user, ip }) => {
  const monitor = await create(input, user, ip);
  revalidatePath("/monitors");
  return { id: monitor.id };
});
