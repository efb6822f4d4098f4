"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guard";
import { baselineCreateSchema } from "@/lib/drift/baseline-input";
import { createBaseline } from "@/lib/drift/baseline-store";

export const captureBaseline = guardedAction({ role: "editor", input: baselineCreateSchema }, async (input, { user, ip }) => {
  const baseline = await createBaseline(input, user, ip);
  revalidatePath("/baselines");
  return { id: baseline.id };
});
