"use server";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guard";
import { signOutEverywhere as endEverySession } from "@/lib/auth/sessions";

/**
 * Ends every session of the caller, this one included. The form then calls signOut to clear this browser's
 * cookie: a redirect thrown here would not get through the guard to the browser.
 */
export const signOutEverywhere = guardedAction(
  { role: "viewer", input: z.object({ confirm: z.literal(true) }), beforePasswordChange: true },
  async (_input, context) => ({ sessions: await endEverySession(context) }),
);
