"use client";
import { useState, useTransition, type ComponentProps, type ReactNode } from "react";
import type { ErrorBody } from "@/lib/errors/app-error";
import { Button } from "./button";

type ActionButtonProps = Omit<ComponentProps<typeof Button>, "onClick" | "disabled" | "children"> & {
  /** The server action; its refusal shows beside the button until the next try. */
  action: () => Promise<{ ok: true } | { ok: false; error: ErrorBody }>;
  /** Asked first (window.confirm) for what cannot be taken back. */
  confirm?: string;
  children: ReactNode;
  /** Shown instead of the label while the action runs. */
  pendingLabel?: ReactNode;
};

/** A button that runs one server action: "Test", "Revoke", "Remove", "Pause". */
export function ActionButton({ action, confirm, children, pendingLabel, variant = "ghost", ...props }: ActionButtonProps) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <>
      <Button
        variant={variant}
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          startTransition(async () => {
            const result = await action();
            setError(result.ok ? undefined : result.error.message);
          });
        }}
        {...props}
      >
        {pending && pendingLabel ? pendingLabel : children}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      )}
    </>
  );
}
