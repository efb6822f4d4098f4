"use client";
import { useState, useTransition } from "react";
import { revokeApiToken } from "@/app/actions/revoke-api-token";
import { Button } from "@/components/ui/button";

export function RevokeApiTokenButton({ id, name }: { id: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <>
      <Button
        variant="ghost"
        aria-label={`Revoke ${name}`}
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Revoke “${name}”? Workflows using it stop working at once.`)) return;
          startTransition(async () => {
            const result = await revokeApiToken({ id });
            if (!result.ok) setError(result.error.message);
          });
        }}
      >
        {pending ? "Revoking…" : "Revoke"}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      )}
    </>
  );
}
