"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guard";
import { addUserSchema } from "@/lib/users/user-schemas";
import { addUser as addUserAccount } from "@/lib/users/users";

export const addUser = guardedAction({ role: "admin", input: addUserSchema }, async (input, context) => {
  const created = await addUserAccount(input, context);
  revalidatePath("/settings/users");
  return created;
});
