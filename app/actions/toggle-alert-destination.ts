"use server";
import { revalidatePath } from "next/cache";
import { destinationToggleSchema } from "@/lib/alerts/destination-input";
import { updateDestination } from "@/lib/alerts/destination-store";
import { guardedAction } from "@/lib/auth/guard";

export const toggleAlertDestination = guardedAction({ role: "editor", input: destinationToggleSchema }, async ({ id, enabled, version }, { user, ip }) => {
  const destination = await updateDestination(id, { enabled, version }, user, ip);
  revalidatePath("/settings/alerts");
  return { id: destination.id, enabled: destination.enabled };
});
