import type { Metadata } from "next";
import Link from "next/link";
import { formatTime } from "@/components/compliance/format";
import { PauseButton, RunNowButton } from "@/components/monitors/monitor-actions";
import { SnapshotStatusBadge } from "@/components/monitors/snapshot-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Th } from "@/components/ui/table";
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
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Monitors</h1>
        {edit && (
          <Link href="/monitors/new" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
            New monitor
          </Link>
        )}
      </div>
      <p className="text-sm text-zinc-500">
        A monitor takes a compliance snapshot of its policies on a schedule; the <Link href="/compliance" className="underline">Compliance</Link> page shows the result.
      </p>
      {monitors.length === 0 ? (
        <EmptyState title="No monitors yet">
          {edit ? "Create one to watch a credential's policies on a schedule." : "An editor can create monitors here; you will see their results."}
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto p-0">
          <Table
            testId="monitors-table"
            head={
              <>
                <Th>Name</Th>
                <Th>Credential</Th>
                <Th>Schedule</Th>
                <Th>Last snapshot</Th>
                <Th>Next run</Th>
                {edit && <Th>Actions</Th>}
              </>
            }
          >
            <tbody>
              {monitors.map((monitor) => (
                <tr key={monitor.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800" data-testid="monitor-row">
                  <td className="px-4 py-2">
                    <Link href={`/monitors/${monitor.id}`} className="font-medium hover:underline">
                      {monitor.name}
                    </Link>
                    {!monitor.enabled && (
                      <span className="ml-2">
                        <Badge>paused</Badge>
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-2">{monitor.credential?.name ?? <span className="text-red-600">deleted</span>}</td>
                  <td className="px-4 py-2">{monitor.schedule.description}</td>
                  <td className="px-4 py-2">
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
                  </td>
                  <td className="px-4 py-2 text-xs">{monitor.nextRunAt ? formatTime(monitor.nextRunAt) : "paused"}</td>
                  {edit && (
                    <td className="px-4 py-2 whitespace-nowrap">
                      <RunNowButton id={monitor.id} name={monitor.name} />
                      <PauseButton id={monitor.id} name={monitor.name} enabled={monitor.enabled} version={monitor.version} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </div>
  );
}
