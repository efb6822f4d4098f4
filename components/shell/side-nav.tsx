"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/class-names";

const ITEMS = [
  { href: "/credentials", label: "Credentials" },
  { href: "/node-builder", label: "Node builder" },
  { href: "/runs", label: "Runs" },
  { href: "/compliance", label: "Compliance" },
  { href: "/monitors", label: "Monitors" },
  { href: "/baselines", label: "Baselines" },
  { href: "/settings", label: "Settings" },
] as const;

export function SideNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-1 md:flex-col">
      {ITEMS.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cx(
              "rounded-md px-3 py-2 text-sm font-medium",
              active
                ? "bg-brand-50 text-brand-700 dark:bg-zinc-800 dark:text-white"
                : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-900",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
