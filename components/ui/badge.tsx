import type { ReactNode } from "react";
import { cx } from "./class-names";

const TONES = {
  neutral: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  success: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300",
  danger: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  brand: "bg-brand-50 text-brand-700 dark:bg-zinc-800 dark:text-brand-50",
} as const;

export function Badge({ tone = "neutral", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return <span className={cx("inline-flex rounded-full px-2 py-0.5 text-xs font-medium", TONES[tone])}>{children}</span>;
}
