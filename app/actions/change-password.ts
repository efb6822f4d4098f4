"use server";
import { auth } from "@/lib/auth/auth";
import { guardedAction } from "@/lib/auth/guard";
import { changePasswordSchema } from "@/lib/users/user-schemas";
import { changeOwnPassword } from "@/lib/users/users";

// Open to users who still have a one-time password: replacing it is what they must do first.
export const changePassword = guardedAction({ role: "viewer", input: changePasswordSchema, beforePasswordChange: true }, async (input, context) => {
  const otherSessionsEnded = await changeOwnPassword(input, context, (await auth())?.sessionId);
  return { changed: true, otherSessionsEnded };
});
