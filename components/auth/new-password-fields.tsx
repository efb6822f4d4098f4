import { TextField } from "@/components/ui/field";
import { NEW_PASSWORD_HELP } from "@/lib/users/password-help";

/** A new password and its confirmation, with the rules it must meet shown under the first. */
export function NewPasswordFields({ name, label, confirmLabel, fieldErrors }: { name: string; label: string; confirmLabel: string; fieldErrors: Record<string, string> | undefined }) {
  return (
    <>
      <TextField label={label} name={name} type="password" autoComplete="new-password" required help={NEW_PASSWORD_HELP} error={fieldErrors?.[name]} />
      <TextField label={confirmLabel} name="confirmPassword" type="password" autoComplete="new-password" required error={fieldErrors?.confirmPassword} />
    </>
  );
}
