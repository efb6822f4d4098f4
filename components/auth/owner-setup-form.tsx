"use client";
import { useActionState } from "react";
import { createOwner } from "@/app/actions/create-owner";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/auth/guard";

type State = { values: Record<string, string>; result: ActionResult<never> } | null;

export function OwnerSetupForm() {
  const [state, submit, pending] = useActionState(async (_previous: State, form: FormData): Promise<State> => {
    const values = Object.fromEntries(form) as Record<string, string>;
    return { values, result: await createOwner(values) };
  }, null);
  const error = state?.result.ok === false ? state.result.error : undefined;
  // React resets the form after an action; give back what was typed (but never the passwords).
  const value = (name: string) => state?.values[name] ?? "";
  return (
    <form action={submit} className="space-y-4">
      {error && <Notice tone="error" testId="setup-error">{error.message}</Notice>}
      <TextField label="Your name" name="name" autoComplete="name" required defaultValue={value("name")} error={error?.fieldErrors?.name} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required defaultValue={value("email")} error={error?.fieldErrors?.email} />
      <NewPasswordFields name="password" label="Password" confirmLabel="Confirm password" fieldErrors={error?.fieldErrors} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create owner account"}
      </Button>
    </form>
  );
}
