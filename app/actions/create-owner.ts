"use server";
import { headers } from "next/headers";
import { signIn } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { GuardError, type ActionResult } from "@/lib/auth/guard";
import { fieldErrorsFromZod } from "@/lib/errors/zod-issues";
import { ownerSetupSchema } from "@/lib/users/user-schemas";
import { createOwner as createOwnerAccount } from "@/lib/users/users";

/**
 * The one action open to anonymous callers besides sign-in: it works only while the database has no user,
 * and the check and the insert happen under one lock.
 */
export async function createOwner(raw: unknown): Promise<ActionResult<never>> {
  const parsed = ownerSetupSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: { kind: "invalid", message: "Check the highlighted fields.", fieldErrors: fieldErrorsFromZod(parsed.error, raw) } };
  }
  try {
    await createOwnerAccount(parsed.data, clientIp(await headers()));
  } catch (error) {
    if (error instanceof GuardError) return { ok: false, error: error.toBody() };
    throw error;
  }
  // Throws Next's redirect on success, which carries the new session cookie. Straight to the first page: "/"
  // would redirect once more while the new cookie is still unknown to that render.
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/credentials" });
  throw new Error("unreachable: signIn redirects");
}
