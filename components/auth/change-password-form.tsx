"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { changePassword } from "@/app/actions/change-password";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function ChangePasswordForm() {
  const router = useRouter();
  const [result, submit, pending] = useActionState(
    (_previous: Awaited<ReturnType<typeof changePassword>> | null, form: FormData) =>
      changePassword(Object.fromEntries(form) as { currentPassword: string; newPassword: string; confirmPassword: string }),
    null,
  );
  useEffect(() => {
    if (result?.ok) router.push("/");
  }, [result, router]);
  const error = result?.ok === false ? result.error : undefined;
  return (
    <form action={submit} className="space-y-4">
      {error && !error.fieldErrors && <Notice tone="error" testId="change-password-error">{error.message}</Notice>}
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={error?.fieldErrors?.currentPassword} />
      <NewPasswordFields name="newPassword" label="New password" confirmLabel="Confirm new password" fieldErrors={error?.fieldErrors} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
