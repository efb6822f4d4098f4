"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guard";
import { changeRoleSchema } from "@/lib/users/user-schemas";
import { changeRole as changeUserRole } from "@/lib/users/users";

export const changeRole = guardedAction({ role: "admin", input: changeRoleSchema }, async (input, context) => {
  const changed = await changeUserRole(input, context);
  revalidatePath("/settings/users");
  return changed;
});
