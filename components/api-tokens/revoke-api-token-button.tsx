"use client";
import { revokeApiToken } from "@/app/actions/revoke-api-token";
import { ActionButton } from "@/components/ui/action-button";

export function RevokeApiTokenButton({ id, name }: { id: string; name: string }) {
  return (
    <ActionButton
      aria-label={`Revoke ${name}`}
      confirm={`Revoke “${name}”? Workflows using it stop working at once.`}
      action={() => revokeApiToken({ id })}
      pendingLabel="Revoking…"
    >
      Revoke
    </ActionButton>
  );
}
