"use client";
import { useState, useTransition } from "react";
import { signOut } from "@/app/actions/sign-out";
import { signOutEverywhere } from "@/app/actions/sign-out-everywhere";
import { Button } from "@/components/ui/button";

export function SignOutEverywhereButton() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => {
          if (!window.confirm("Sign out on every device and browser, this one included? API tokens keep working.")) return;
          startTransition(async () => {
            const result = await signOutEverywhere({ confirm: true });
            if (result.ok) await signOut(); // clears this browser's cookie and goes to the sign-in page
            else setError(result.error.message);
          });
        }}
      >
        {pending ? "Signing out…" : "Sign out everywhere"}
      </Button>
      {error && <span role="alert" className="text-xs text-red-600">{error}</span>}
    </>
  );
}
