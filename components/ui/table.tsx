import type { HTMLAttributes, ReactNode, TdHTMLAttributes } from "react";
import { Card } from "./card";
import { cx } from "./class-names";

/** A column header: its label, or the label and a right alignment (see alignRight). */
export type Column = string | { label: string; align: "right" };

/** A right-aligned column: numbers, and the actions at a row's end. */
export const alignRight = (label: string): Column => ({ label, align: "right" });

type TableProps = {
  /** The headers in order; `false` leaves out a column the viewer may not see (`canEdit && alignRight("Actions")`). */
  columns: Array<Column | false>;
  testId?: string;
  /** The rows (<Tr>); the table puts them in its <tbody>. */
  children: ReactNode;
};

/**
 * A list table with the app's header style. On a narrow screen it scrolls sideways inside its own box, with a
 * shadow on the side that has more columns (globals.css, .scroll-cue).
 */
export function Table({ columns, testId, children }: TableProps) {
  return (
    // Focusable, so a keyboard can scroll it sideways too.
    <div tabIndex={0} className="scroll-cue overflow-x-auto" data-testid={testId ? `${testId}-scroller` : undefined}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500 dark:border-zinc-800">
          <tr>
            {columns.filter((column) => column !== false).map((column, index) => (
              <th key={index} className={cx("px-4 py-2 whitespace-nowrap", typeof column !== "string" && "text-right")}>
                {typeof column === "string" ? column : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A table that is a page's list: in a card of its own, edge to edge. */
export function TableCard(props: TableProps) {
  return (
    <Card className="overflow-x-auto p-0">
      <Table {...props} />
    </Card>
  );
}

/** A row, ruled off from the next one. */
export function Tr({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cx("border-b border-zinc-100 last:border-0 dark:border-zinc-800", className)} {...props} />;
}

/** A cell with the table's padding; `compact` for the small figure tables under a chart. */
export function Td({ align, compact, className, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { align?: "right"; compact?: boolean }) {
  return <td className={cx(compact ? "px-4 py-1" : "px-4 py-2", align === "right" && "text-right", className)} {...props} />;
}
