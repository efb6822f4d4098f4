"use client";
// (policy, system) pairs as a sortable, filterable, paged table (TanStack Table). The compliance page shows the
// failing pairs; a policy's page its systems, a system's page its policies.
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type CellContext,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { formatTime } from "./format";
import { SortableHeaderRows } from "@/components/ui/sortable-header";

export interface PairView {
  monitorId: string;
  monitorName?: string;
  policyId: string;
  policyName: string | null;
  systemId: string;
  hostname: string | null;
  state: string;
  since: string;
  failingSince: string | null;
  detail: string | null;
  resultAt: string | null;
}

type Column = "policy" | "system" | "state" | "monitor";

const TONE: Record<string, "success" | "danger" | "neutral" | "brand"> = { passing: "success", failing: "danger", pending: "brand" };
const PAGE_SIZE = 50;

function query(monitorId: string | undefined) {
  return monitorId ? `?monitor=${encodeURIComponent(monitorId)}` : "";
}

/** The policy or system column: its name (its id where it has none), linked to its compliance page. */
function sideColumn(key: "policy" | "system", header: string, page: string, id: (pair: PairView) => string, name: (pair: PairView) => string | null, monitorId: string | undefined) {
  return {
    key,
    id: key,
    header,
    accessorFn: (pair: PairView) => name(pair) ?? id(pair),
    cell: ({ row }: CellContext<PairView, unknown>) => (
      <Link href={`/compliance/${page}/${encodeURIComponent(id(row.original))}${query(monitorId)}`} className="hover:underline">
        {name(row.original) ?? <span className="font-mono text-xs">{id(row.original)}</span>}
      </Link>
    ),
  };
}

export function PairsTable({ pairs, columns, monitorId, testId }: { pairs: PairView[]; columns: readonly Column[]; monitorId?: string | undefined; testId: string }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "since", desc: false }]);
  const [filter, setFilter] = useState("");
  const definitions = useMemo(() => {
    const all: Array<ColumnDef<PairView> & { key: Column | "since" | "detail" }> = [
      sideColumn("policy", "Policy", "policies", (pair) => pair.policyId, (pair) => pair.policyName, monitorId),
      sideColumn("system", "System", "systems", (pair) => pair.systemId, (pair) => pair.hostname, monitorId),
      { key: "state", id: "state", header: "State", accessorKey: "state", cell: ({ row }) => <Badge tone={TONE[row.original.state] ?? "neutral"}>{row.original.state}</Badge> },
      {
        key: "since",
        id: "since",
        header: "Since",
        accessorFn: (row) => row.failingSince ?? row.since,
        cell: ({ getValue }) => <span className="whitespace-nowrap">{formatTime(getValue<string>())}</span>,
      },
      {
        key: "detail",
        id: "detail",
        header: "Last result (exit status, output)",
        accessorFn: (row) => row.detail ?? "",
        cell: ({ row }) => (
          <span className="block max-w-md truncate font-mono text-xs" title={row.original.detail ?? undefined}>
            {row.original.detail ?? "–"}
            {row.original.resultAt && <span className="ml-2 font-sans text-zinc-500">at {formatTime(row.original.resultAt)}</span>}
          </span>
        ),
      },
      { key: "monitor", id: "monitor", header: "Monitor", accessorFn: (row) => row.monitorName ?? row.monitorId },
    ];
    return all.filter((column) => column.key === "since" || column.key === "detail" || columns.includes(column.key as Column));
  }, [columns, monitorId]);

  // TanStack Table returns fresh functions each render by design; the compiler is told not to memoize them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: pairs,
    columns: definitions,
    state: { sorting, globalFilter: filter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    globalFilterFn: "includesString",
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize: PAGE_SIZE } },
  });
  const shown = table.getFilteredRowModel().rows.length;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          className={`${controlClass} max-w-xs`}
          placeholder="Filter by policy, hostname, output…"
          aria-label="Filter pairs"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <span className="text-xs text-zinc-500" role="status">
          {shown} of {pairs.length}
        </span>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid={testId}>
          <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500 dark:border-zinc-800">
            <SortableHeaderRows table={table} cellClassName="px-4 py-2" buttonClassName="uppercase" />
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800" data-testid="pair-row">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-4 py-2 align-top">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.getPageCount() > 1 && (
        <nav aria-label="Table pages" className="flex items-center gap-2 text-sm">
          <Button variant="secondary" disabled={!table.getCanPreviousPage()} onClick={() => table.previousPage()}>
            Previous
          </Button>
          <span className="text-zinc-500">
            page {table.getState().pagination.pageIndex + 1} of {table.getPageCount()}
          </span>
          <Button variant="secondary" disabled={!table.getCanNextPage()} onClick={() => table.nextPage()}>
            Next
          </Button>
        </nav>
      )}
    </div>
  );
}
