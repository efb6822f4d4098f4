"use client";
// The header rows of a TanStack table whose columns sort on click: one button per column, the direction shown and
// announced (aria-sort), so every sortable table reads the same to a screen reader.
import { flexRender, type Table } from "@tanstack/react-table";

export function SortableHeaderRows<Row>({ table, cellClassName, buttonClassName }: { table: Table<Row>; cellClassName: string; buttonClassName: string }) {
  return table.getHeaderGroups().map((group) => (
    <tr key={group.id}>
      {group.headers.map((header) => {
        const sorted = header.column.getIsSorted();
        return (
          <th key={header.id} className={cellClassName} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}>
            <button type="button" className={buttonClassName} onClick={header.column.getToggleSortingHandler()}>
              {flexRender(header.column.columnDef.header, header.getContext())}
              {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}
            </button>
          </th>
        );
      })}
    </tr>
  ));
}
