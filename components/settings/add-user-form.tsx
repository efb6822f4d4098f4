"use client";
import { useActionState } from "react";
import { addUser } from "@/app/actions/add-user";
import { Button } from "@/components/ui/button";
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
            Added {created.email}. Their one-time password is{" "}
            <code className="font-mono font-semibold select-all">{created.temporaryPassword}</code>. Give it to them
            privately; it is not shown again.
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
