"use client";
import { useActionState } from "react";
import { addUser } from "@/app/actions/add-user";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";

const ROLE_HELP: Record<Role, string> = {
  owner: "",
  admin: "Manages users and credentials.",
  editor: "Designs and runs nodes with existing credentials.",
  viewer: "Sees nodes, runs and credential names; changes nothing.",
};

type Result = Awaited<ReturnType<typeof addUser>>;
type State = { values: Record<string, string>; result: Result } | null;

export function AddUserForm({ roles }: { roles: Role[] }) {
  const [state, submit, pending] = useActionState(async (_previous: State, form: FormData): Promise<State> => {
    const values = Object.fromEntries(form) as Record<string, string>;
    return { values, result: await addUser(values as { name: string; email: string; role: Role }) };
  }, null);
  const error = state?.result.ok === false ? state.result.error : undefined;
  const created = state?.result.ok ? state.result.data : undefined;
  const kept = (name: string) => (error ? state?.values[name] : undefined);
  return (
    <form action={submit} className="grid gap-4 sm:grid-cols-3" key={created?.id}>
      {error && (
        <div className="sm:col-span-3">
          <Notice tone="error">{error.message}</Notice>
        </div>
      )}
      {created && (
        <div className="sm:col-span-3">
          <Notice tone="success" testId="temporary-password">
            <p>Added {created.email}. Give them this one-time password privately; it is not shown again.</p>
            <div className="mt-2 flex items-center gap-2">
              <code className="block flex-1 overflow-x-auto rounded bg-white/60 px-2 py-1 font-mono font-semibold select-all dark:bg-black/30" data-testid="temporary-password-value">
                {created.temporaryPassword}
              </code>
              <CopyButton value={created.temporaryPassword} />
            </div>
          </Notice>
        </div>
      )}
      <TextField label="Name" name="name" required defaultValue={kept("name")} error={error?.fieldErrors?.name} />
      <TextField label="Email" name="email" type="email" required defaultValue={kept("email")} error={error?.fieldErrors?.email} />
      <SelectField label="Role" name="role" defaultValue={kept("role") ?? "editor"} help={roles.map((r) => `${ROLE_LABELS[r]}: ${ROLE_HELP[r]}`).join(" ")}>
        {roles.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </SelectField>
      <div className="sm:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add user"}
        </Button>
      </div>
    </form>
  );
}
