"use client";
import { useState, useTransition } from "react";
import { testCredential } from "@/app/actions/test-credential";
import { Button } from "@/components/ui/button";

export function RecheckButton({ id, name }: { id: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <>
      <Button
        variant="ghost"
        aria-label={`Test connection of ${name}`}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await testCredential({ id });
            setError(result.ok ? undefined : result.error.message);
          })
        }
      >
        {pending ? "Testing…" : "Test"}
      </Button>
      {error && <span role="alert" className="text-xs text-red-600">{error}</span>}
    </>
  );
}
