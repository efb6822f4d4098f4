"use server";
import { revalidatePath } from "next/cache";
import { destinationIdSchema } from "@/lib/alerts/destination-input";
import { sendTestAlert as send } from "@/lib/alerts/destination-store";
import { guardedAction } from "@/lib/auth/guard";

export const sendTestAlert = guardedAction({ role: "editor", input: destinationIdSchema }, async ({ id }, { user, ip }) => {
  const queued = await send(id, user, ip);
  revalidatePath("/settings/alerts");
  return queued;
});
