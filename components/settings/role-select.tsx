"use client";
import { useState, useTransition } from "react";
import { changeRole } from "@/app/actions/change-role";
import { ConfirmDialog } from "@/components/ui/dialog";
import { controlClass } from "@/components/ui/field";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";

const WHAT_CHANGES = "It takes effect at once, in their open sessions and API tokens too.";

/** A role change asks first: it changes what someone may do everywhere, at once. */
export function RoleSelect({ userId, email, role, roles }: { userId: string; email: string; role: Role; roles: Role[] }) {
  const [current, setCurrent] = useState(role);
  const [proposed, setProposed] = useState<Role | null>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <select
        aria-label={`Role of ${email}`}
        className={controlClass}
        value={proposed ?? current}
        disabled={pending}
        onChange={(event) => setProposed(event.target.value as Role)}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      {error && <p className="mt-1 text-xs text-red-600" role="alert">{error}</p>}
      <ConfirmDialog
        open={proposed !== null}
        title={`Change ${email}’s role?`}
        message={proposed && <p>{`From ${ROLE_LABELS[current]} to ${ROLE_LABELS[proposed]}. ${WHAT_CHANGES}`}</p>}
        confirmLabel={proposed ? `Make ${ROLE_LABELS[proposed]}` : "Change role"}
        pending={pending}
        onCancel={() => setProposed(null)}
        onConfirm={() => {
          const next = proposed;
          if (!next) return;
          startTransition(async () => {
            const result = await changeRole({ userId, role: next });
            if (result.ok) setCurrent(next);
            setError(result.ok ? undefined : result.error.message);
            setProposed(null);
          });
        }}
      />
    </div>
  );
}
