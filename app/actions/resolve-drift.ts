"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guard";
import { acceptDrift, planRevert, revertDrift } from "@/lib/drift/drift-items";

const itemInput = z.object({ baselineId: z.string().min(1).max(64), itemId: z.string().min(1).max(64) }).strict();

export const acceptDriftItem = guardedAction({ role: "editor", input: itemInput }, async ({ baselineId, itemId }, { user, ip }) => {
  const result = await acceptDrift(baselineId, itemId, user, ip);
  revalidatePath(`/baselines/${baselineId}`);
  return { baselineVersion: result.baselineVersion };
});

/** The exact requests a revert would send, for its confirmation; nothing is sent. */
export const previewRevert = guardedAction({ role: "editor", input: itemInput }, async ({ baselineId, itemId }) => planRevert(baselineId, itemId));

export const revertDriftItem = guardedAction({ role: "editor", input: itemInput }, async ({ baselineId, itemId }, { user, ip }) => {
  const result = await revertDrift(baselineId, itemId, user, ip);
  revalidatePath(`/baselines/${baselineId}`);
  return { requests: result.report.requests, counts: result.report.counts };
});
