"use server";
import { signOut as authSignOut } from "@/lib/auth/auth";

/** Ends this browser's session (the row, not only the cookie: see events.signOut in lib/auth/auth.ts). */
export async function signOut(): Promise<void> {
  await authSignOut({ redirectTo: "/sign-in" });
}
