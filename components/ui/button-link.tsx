import Link from "next/link";
import type { ComponentProps } from "react";

// Whole class strings, so Tailwind finds them.
const VARIANTS = {
  primary: "rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700",
  secondary: "rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800",
  ghost: "rounded-md px-3 py-2 text-sm font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800",
} as const;

/** A link that looks like a button: "New …", "Edit", "Open in builder" go to a page rather than act. */
export function ButtonLink({ variant = "primary", ...props }: Omit<ComponentProps<typeof Link>, "className"> & { variant?: keyof typeof VARIANTS }) {
  return <Link className={VARIANTS[variant]} {...props} />;
}
