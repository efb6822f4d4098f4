"use server";
import { revalidatePath } from "next/cache";
import { destinationIdSchema } from "@/lib/alerts/destination-input";
import { deleteDestination } from "@/lib/alerts/destination-store";
import { guardedAction } from "@/lib/auth/guard";

export const deleteAlertDestination = guardedAction({ role: "editor", input: destinationIdSchema }, async ({ id }, { user, ip }) => {
  const deleted = await deleteDestination(id, user, ip);
  revalidatePath("/settings/alerts");
  return deleted;
});
