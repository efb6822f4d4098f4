import type { Metadata } from "next";
import Link from "next/link";
import { formatTime } from "@/components/compliance/format";
import { PauseButton, RunNowButton } from "@/components/monitors/monitor-actions";
import { SnapshotStatusBadge } from "@/components/monitors/snapshot-status-badge";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableCard, Td, Tr } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { listMonitors } from "@/lib/compliance/monitor-store";

export const metadata: Metadata = { title: "Monitors" };

export default async function MonitorsPage() {
  const user = await requirePageUser("viewer");
  const edit = hasRole(user.role, "editor");
  const monitors = await listMonitors();
  return (
    <div className="max-w-6xl space-y-4">
      <PageHeader
        title="Monitors"
        action={edit && <ButtonLink href="/monitors/new">New monitor</ButtonLink>}
        description={
          <>
            A monitor takes a compliance snapshot of its policies on a schedule; the <Link href="/compliance" className="underline">Compliance</Link> page shows the result.
          </>
        }
      />
      {monitors.length === 0 ? (
        <EmptyState title="No monitors yet">
          {edit ? "Create one to watch a credential's policies on a schedule." : "An editor can create monitors here; you will see their results."}
        </EmptyState>
      ) : (
        <TableCard testId="monitors-table" columns={["Name", "Credential", "Schedule", "Last snapshot", "Next run", edit && "Actions"]}>
          {monitors.map((monitor) => (
            <Tr key={monitor.id} data-testid="monitor-row">
              <Td>
                <Link href={`/monitors/${monitor.id}`} className="font-medium hover:underline">
                  {monitor.name}
                </Link>
                {!monitor.enabled && (
                  <span className="ml-2">
                    <Badge>paused</Badge>
                  </span>
                )}
              </Td>
              <Td>{monitor.credential?.name ?? <span className="text-red-600">deleted</span>}</Td>
              <Td>{monitor.schedule.description}</Td>
              <Td>
                {monitor.lastSnapshot ? (
                  <span className="flex flex-wrap items-center gap-2">
                    <SnapshotStatusBadge status={monitor.lastSnapshot.status} />
                    <span className="text-xs text-zinc-500">
                      {formatTime(monitor.lastSnapshot.finishedAt ?? monitor.lastSnapshot.scheduledFor)} · {monitor.lastSnapshot.failing} failing
                    </span>
                  </span>
                ) : (
                  <span className="text-xs text-zinc-500">never run</span>
                )}
              </Td>
              <Td className="text-xs">{monitor.nextRunAt ? formatTime(monitor.nextRunAt) : "paused"}</Td>
              {edit && (
                <Td className="whitespace-nowrap">
                  <RunNowButton id={monitor.id} name={monitor.name} />
                  <PauseButton id={monitor.id} name={monitor.name} enabled={monitor.enabled} version={monitor.version} />
                </Td>
              )}
            </Tr>
          ))}
        </TableCard>
      )}
    </div>
  );
}
