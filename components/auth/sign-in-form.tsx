"use client";
import { useActionState, useEffect, useRef } from "react";
import { signIn } from "@/app/actions/sign-in";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

type SignInState = { error: string; email: string } | null;

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  // React resets the form after the action: the email comes back as the field's default, the password does not.
  const [state, submit, pending] = useActionState(async (_previous: SignInState, form: FormData): Promise<SignInState> => {
    const result = await signIn(Object.fromEntries(form));
    return { ...result, email: String(form.get("email") ?? "") };
  }, null);
  const password = useRef<HTMLInputElement>(null);
  // After a refusal the email is usually right: the cursor goes where the fix usually is.
  useEffect(() => {
    if (state?.error) password.current?.focus();
  }, [state]);
  return (
    <form action={submit} className="space-y-4">
      {state?.error && <Notice tone="error" testId="sign-in-error">{state.error}</Notice>}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus defaultValue={state?.email} />
      <TextField ref={password} label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
