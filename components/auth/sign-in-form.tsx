"use client";
import { useActionState } from "react";
import { signIn } from "@/app/actions/sign-in";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, submit, pending] = useActionState(
    (_previous: { error: string } | null, form: FormData) => signIn(Object.fromEntries(form)),
    null,
  );
  return (
    <form action={submit} className="space-y-4">
      {state?.error && <Notice tone="error" testId="sign-in-error">{state.error}</Notice>}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
