"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guard";
import { userIdSchema } from "@/lib/users/user-schemas";
import { removeUser as removeAccount } from "@/lib/users/users";

export const removeUser = guardedAction({ role: "admin", input: userIdSchema }, async (input, context) => {
  const removed = await removeAccount(input, context);
  revalidatePath("/settings/users");
  return removed;
});
