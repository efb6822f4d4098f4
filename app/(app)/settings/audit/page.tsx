import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Table, Th } from "@/components/ui/table";
import { AuditActionFilter } from "@/components/settings/audit-action-filter";
import { listAuditActions, listAuditEvents } from "@/lib/audit/audit-log";
import { requirePageUser } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ page?: string; action?: string }> }) {
  await requirePageUser("admin");
  const params = await searchParams;
  const requested = Number(params.page ?? 1);
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const action = params.action?.slice(0, 100) || undefined;
  const [{ events, total, pages }, actions] = await Promise.all([listAuditEvents(page, action), listAuditActions()]);
  const pageHref = (n: number) => `/settings/audit?${new URLSearchParams({ ...(action ? { action } : {}), page: String(n) })}`;
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <AuditActionFilter actions={actions} current={action} />
      <Card className="overflow-x-auto p-0">
        <Table
          testId="audit-table"
          head={
            <>
              <Th>Time (UTC)</Th>
              <Th>Actor</Th>
              <Th>Action</Th>
              <Th>Target</Th>
              <Th>Outcome</Th>
              <Th>Details</Th>
            </>
          }
        >
          <tbody>
            {events.map((event) => (
              <tr key={event.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <td className="px-4 py-2 whitespace-nowrap text-zinc-500">{event.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td className="px-4 py-2">{event.actorName ?? "—"}</td>
                <td className="px-4 py-2 font-mono text-xs">{event.action}</td>
                <td className="px-4 py-2">{event.target ?? "—"}</td>
                <td className="px-4 py-2">
                  <Badge tone={event.outcome === "success" ? "success" : "danger"}>{event.outcome}</Badge>
                </td>
                <td className="px-4 py-2 font-mono text-xs text-zinc-500">
                  {[event.ip && `ip ${event.ip}`, event.metadata && JSON.stringify(event.metadata)].filter(Boolean).join(" · ")}
                </td>
              </tr>
            ))}
            {events.length === 0 && (
              <tr>
                <td colSpan={6} className="px-4 py-6 text-center text-zinc-500">No events on this page.</td>
              </tr>
            )}
          </tbody>
        </Table>
      </Card>
      <nav aria-label="Audit log pages" className="flex items-center justify-between text-sm">
        <span className="text-zinc-500">
          {total} events · page {page} of {pages}
        </span>
        <span className="flex gap-3">
          {page > 1 && <Link className="text-brand-600 underline" href={pageHref(page - 1)}>Newer</Link>}
          {page < pages && <Link className="text-brand-600 underline" href={pageHref(page + 1)}>Older</Link>}
        </span>
      </nav>
    </div>
  );
}
