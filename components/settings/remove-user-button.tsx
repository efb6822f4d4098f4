"use client";
import { removeUser } from "@/app/actions/remove-user";
import { ActionButton } from "@/components/ui/action-button";

export function RemoveUserButton({ userId, email }: { userId: string; email: string }) {
  return (
    <ActionButton
      aria-label={`Remove ${email}`}
      confirm={`Remove ${email}? They are signed out at once; their past runs and audit events keep their name.`}
      action={() => removeUser({ userId })}
      pendingLabel="Removing…"
    >
      Remove
    </ActionButton>
  );
}
