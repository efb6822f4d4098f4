"use client";
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import { getIntegration } from "@/lib/integrations/registry";
import type { ResultNames } from "./result-names";
import { SortableHeaderRows } from "@/components/ui/sortable-header";

type Item = Record<string, unknown>;

const ROW_HEIGHT = 32;
/** Columns come from the keys of the first items; later items rarely add new ones. */
const COLUMN_SCAN = 200;

/** The name of the id in this cell, when the integration says the field holds one and it was found. */
type NameOf = (row: Item, field: string) => string | undefined;

function columnsOf(items: readonly unknown[], nameOf: NameOf | undefined): ColumnDef<Item>[] {
  const keys = new Set<string>();
  for (const item of items.slice(0, COLUMN_SCAN)) {
    if (item && typeof item === "object" && !Array.isArray(item)) for (const key of Object.keys(item)) keys.add(key);
  }
  if (keys.size === 0) keys.add("value");
  return [...keys].map((key) => ({
    id: key,
    header: key,
    accessorFn: (row: Item) => row[key],
    cell: (info) => {
      const value = info.getValue();
      const text = value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
      const name = nameOf?.(info.row.original, key);
      if (name === undefined) return text;
      return (
        <>
          <span className="mr-2 font-sans font-medium" data-testid="id-name">
            {name}
          </span>
          <span className="text-zinc-500">{text}</span>
        </>
      );
    },
    sortingFn: (a, b, id) => {
      const x = a.getValue(id);
      const y = b.getValue(id);
      if (typeof x === "number" && typeof y === "number") return x - y;
      return String(x ?? "").localeCompare(String(y ?? ""));
    },
  }));
}

/**
 * The run's items as a sortable table; only the visible rows are in the DOM, so thousands stay smooth. With
 * `names`, a cell holding an id (a policy, system or group) shows the object's name beside it.
 */
export function ItemsTable({ items, names }: { items: readonly unknown[]; names?: ResultNames }) {
  const data = useMemo(() => items.map((item) => (item && typeof item === "object" && !Array.isArray(item) ? (item as Item) : { value: item })), [items]);
  const namesKey = JSON.stringify(names ?? null);
  const nameOf = useMemo<NameOf | undefined>(() => {
    const references = names ? getIntegration(names.service)?.names?.references : undefined;
    if (!names || !references) return undefined;
    return (row, field) => {
      const found = references(row).find((reference) => reference.field === field);
      return found ? names.byKind[found.kind]?.[found.id] : undefined;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content: the names arrive as new objects
  }, [namesKey]);
  const columns = useMemo(() => columnsOf(items, nameOf), [items, nameOf]);
  const [sorting, setSorting] = useState<SortingState>([]);
  // TanStack Table returns fresh functions each render by design; the compiler is told not to memoize them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data, columns, state: { sorting }, onSortingChange: setSorting, getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel() });
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const virtualRows = virtualizer.getVirtualItems();
  const padTop = virtualRows[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);

  return (
    <div ref={scroller} className="max-h-96 overflow-auto rounded-md border border-zinc-200 dark:border-zinc-700" data-testid="items-table">
      <table className="w-full text-left text-xs" aria-rowcount={rows.length}>
        <thead className="sticky top-0 bg-zinc-50 dark:bg-zinc-800">
          <SortableHeaderRows table={table} cellClassName="px-2 py-1 whitespace-nowrap" buttonClassName="font-semibold" />
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr>
              <td style={{ height: padTop }} />
            </tr>
          )}
          {virtualRows.map((virtual) => {
            const row = rows[virtual.index]!;
            return (
              <tr key={row.id} style={{ height: ROW_HEIGHT }} className="border-t border-zinc-100 dark:border-zinc-800">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="max-w-xs truncate px-2 py-1 font-mono">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr>
              <td style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
