import type { ReactNode } from "react";
import { cx } from "./class-names";

/**
 * A list table with the app's header style; rows (with their own <tbody>) are the children. On a narrow screen it
 * scrolls sideways inside its own box, with a shadow on the side that has more columns (globals.css, .scroll-cue).
 */
export function Table({ head, testId, children }: { head: ReactNode; testId?: string; children: ReactNode }) {
  return (
    // Focusable, so a keyboard can scroll it sideways too.
    <div tabIndex={0} className="scroll-cue overflow-x-auto" data-testid={testId ? `${testId}-scroller` : undefined}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500 dark:border-zinc-800">
          <tr>{head}</tr>
        </thead>
        {children}
      </table>
    </div>
  );
}

export function Th({ align, children }: { align?: "right"; children?: ReactNode }) {
  return <th className={cx("px-4 py-2 whitespace-nowrap", align === "right" && "text-right")}>{children}</th>;
}
