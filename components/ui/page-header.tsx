import Link from "next/link";
import type { ReactNode } from "react";

type PageHeaderProps = {
  title: ReactNode;
  /** A sentence or two under the title on what the page is for. */
  description?: ReactNode;
  /** The page's own action (a "New …" link, a detail page's buttons), on the right of the title. */
  action?: ReactNode;
  /** The list a detail page belongs to, linked above the title. */
  back?: { href: string; label: string };
};

/** The top of a page: the same heading, spacing and action place on every page. */
export function PageHeader({ title, description, action, back }: PageHeaderProps) {
  return (
    <div className="space-y-1">
      {back && (
        <Link href={back.href} className="text-sm text-zinc-500 hover:underline">
          ← {back.label}
        </Link>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {action}
      </div>
      {description && <p className="text-sm text-zinc-500">{description}</p>}
    </div>
  );
}
