import type { ReactNode } from "react";
import { cx } from "./class-names";

const TONES = {
  error: "border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200",
  success: "border-green-300 bg-green-50 text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-200",
  info: "border-brand-500/30 bg-brand-50 text-brand-700 dark:bg-zinc-900 dark:text-zinc-200",
} as const;

/** An inline message; errors are announced to screen readers as they appear. */
export function Notice({ tone, children, testId }: { tone: keyof typeof TONES; children: ReactNode; testId?: string }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
      className={cx("rounded-md border px-3 py-2 text-sm", TONES[tone])}
    >
      {children}
    </div>
  );
}
