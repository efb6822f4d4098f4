"use server";
import { guardedAction } from "@/lib/auth/guard";
import { changePasswordSchema } from "@/lib/users/user-schemas";
import { changeOwnPassword } from "@/lib/users/users";

export const changePassword = guardedAction({ role: "viewer", input: changePasswordSchema }, async (input, context) => {
  await changeOwnPassword(input, context);
  return { changed: true };
});
