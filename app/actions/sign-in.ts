"use server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn as authSignIn, SignInThrottled } from "@/lib/auth/auth";

const schema = z.object({
  email: z.string().trim().max(320),
  password: z.string().max(1024),
  callbackUrl: z.string().max(2048).optional(),
});

// Same words whether the email exists or not: the message must not tell an attacker which accounts exist.
const GENERIC_FAILURE = "Email or password is incorrect.";

/** Only same-site paths: an open redirect after sign-in would hand phishing pages a trusted link. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : "/";
}

/** The sign-in form. The throttle lives in authorize() (lib/auth/auth.ts), which every sign-in path goes through. */
export async function signIn(raw: unknown): Promise<{ error: string }> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success || !parsed.data.email || !parsed.data.password) return { error: "Enter your email and password." };
  const { email, password, callbackUrl } = parsed.data;
  try {
    await authSignIn("credentials", { email, password, redirectTo: safeCallback(callbackUrl) });
  } catch (error) {
    if (error instanceof SignInThrottled) {
      const seconds = Math.ceil(error.retryAfterMs / 1000);
      return { error: `Too many sign-in attempts. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.` };
    }
    if (error instanceof AuthError) return { error: GENERIC_FAILURE };
    throw error; // Next's redirect on success
  }
  return { error: GENERIC_FAILURE };
}
