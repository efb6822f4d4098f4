"use client";
import { useState, useTransition } from "react";
import { removeUser } from "@/app/actions/remove-user";
import { Button } from "@/components/ui/button";

export function RemoveUserButton({ userId, email }: { userId: string; email: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <>
      <Button
        variant="ghost"
        aria-label={`Remove ${email}`}
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Remove ${email}? They are signed out at once; their past runs and audit events keep their name.`)) return;
          startTransition(async () => {
            const result = await removeUser({ userId });
            setError(result.ok ? undefined : result.error.message);
          });
        }}
      >
        {pending ? "Removing…" : "Remove"}
      </Button>
      {error && <span role="alert" className="text-xs text-red-600">{error}</span>}
    </>
  );
}
