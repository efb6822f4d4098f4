import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { TableCard, Td, Tr } from "@/components/ui/table";
import { AuditActionFilter } from "@/components/settings/audit-action-filter";
import { listAuditActions, listAuditEvents } from "@/lib/audit/audit-log";
import { requirePageUser } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Audit log" };

const COLUMNS = ["Time (UTC)", "Actor", "Action", "Target", "Outcome", "Details"];

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
      <PageHeader title="Audit log" />
      <AuditActionFilter actions={actions} current={action} />
      <TableCard testId="audit-table" columns={COLUMNS}>
        {events.map((event) => (
          <Tr key={event.id}>
            <Td className="whitespace-nowrap text-zinc-500">{event.createdAt.toISOString().replace("T", " ").slice(0, 19)}</Td>
            <Td>{event.actorName ?? "—"}</Td>
            <Td className="font-mono text-xs">{event.action}</Td>
            <Td>{event.target ?? "—"}</Td>
            <Td>
              <Badge tone={event.outcome === "success" ? "success" : "danger"}>{event.outcome}</Badge>
            </Td>
            <Td className="font-mono text-xs text-zinc-500">
              {[event.ip && `ip ${event.ip}`, event.metadata && JSON.stringify(event.metadata)].filter(Boolean).join(" · ")}
            </Td>
          </Tr>
        ))}
        {events.length === 0 && (
          <tr>
            <td colSpan={COLUMNS.length} className="px-4 py-6 text-center text-zinc-500">
              No events on this page.
            </td>
          </tr>
        )}
      </TableCard>
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
