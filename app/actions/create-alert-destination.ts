"use server";
import { revalidatePath } from "next/cache";
import { destinationCreateSchema } from "@/lib/alerts/destination-input";
import { createDestination } from "@/lib/alerts/destination-store";
import { guardedAction } from "@/lib/auth/guard";

/** The signing secret is in this result only; the form shows it once. */
export const createAlertDestination = guardedAction({ role: "editor", input: destinationCreateSchema }, async (input, { user, ip }) => {
  const { destination, secret } = await createDestination(input, user, ip);
  revalidatePath("/settings/alerts");
  return { id: destination.id, name: destination.name, secret };
});
