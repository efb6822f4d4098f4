"use client";
import { useState } from "react";
import { Button } from "./button";

/** Copies a value shown once (a token, a one-time password); says "Copied" or why it could not. */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <Button
      variant="secondary"
      onClick={() =>
        void navigator.clipboard
          ?.writeText(value)
          .then(() => setState("copied"))
          .catch(() => setState("failed"))
      }
    >
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Select and copy it" : label}</span>
    </Button>
  );
}
