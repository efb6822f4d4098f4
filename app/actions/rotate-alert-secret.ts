"use server";
import { revalidatePath } from "next/cache";
import { rotateSecretActionSchema } from "@/lib/alerts/destination-input";
import { rotateDestinationSecret } from "@/lib/alerts/destination-store";
import { guardedAction } from "@/lib/auth/guard";

/** The new secret is in this result only. */
export const rotateAlertSecret = guardedAction({ role: "editor", input: rotateSecretActionSchema }, async ({ id, overlapHours }, { user, ip }) => {
  const { destination, secret } = await rotateDestinationSecret(id, overlapHours, user, ip);
  revalidatePath("/settings/alerts");
  return { id: destination.id, name: destination.name, secret, previousSecretUntil: destination.previousSecretUntil };
});
