"use client";
import { useState, useTransition } from "react";
import { changeRole } from "@/app/actions/change-role";
import { controlClass } from "@/components/ui/field";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";

export function RoleSelect({ userId, email, role, roles }: { userId: string; email: string; role: Role; roles: Role[] }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <select
        aria-label={`Role of ${email}`}
        className={controlClass}
        defaultValue={role}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value as Role;
          startTransition(async () => {
            const result = await changeRole({ userId, role: next });
            setError(result.ok ? undefined : result.error.message);
          });
        }}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      {error && <p className="mt-1 text-xs text-red-600" role="alert">{error}</p>}
    </div>
  );
}
