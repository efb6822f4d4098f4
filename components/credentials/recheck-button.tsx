"use client";
import { testCredential } from "@/app/actions/test-credential";
import { ActionButton } from "@/components/ui/action-button";

export function RecheckButton({ id, name }: { id: string; name: string }) {
  return (
    <ActionButton aria-label={`Test connection of ${name}`} action={() => testCredential({ id })} pendingLabel="Testing…">
      Test
    </ActionButton>
  );
}
