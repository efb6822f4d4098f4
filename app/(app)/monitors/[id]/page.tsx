import type { Metadata } from "next";
import Link from "next/link";
import { formatDuration, formatTime } from "@/components/compliance/format";
import { DeleteMonitorButton, PauseButton, RunNowButton } from "@/components/monitors/monitor-actions";
import { RefreshWhile } from "@/components/monitors/refresh-while";
import { SnapshotStatusBadge } from "@/components/monitors/snapshot-status-badge";
import { ButtonLink } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { alignRight, TableCard, Td, Tr } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { getMonitor, listSnapshots } from "@/lib/compliance/monitor-store";
import { orNotFound } from "@/lib/errors/or-not-found";

export const metadata: Metadata = { title: "Monitor" };

function scopeText(scope: { kind: string; policyIds?: string[]; pattern?: string }): string {
  if (scope.kind === "policies") return `${scope.policyIds?.length ?? 0} chosen ${scope.policyIds?.length === 1 ? "policy" : "policies"}`;
  if (scope.kind === "nameFilter") return `Policies whose name matches “${scope.pattern}”`;
  return "All policies";
}

export default async function MonitorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("viewer");
  const edit = hasRole(user.role, "editor");
  const { id } = await params;
  const [monitor, snapshots] = await orNotFound(Promise.all([getMonitor(id), listSnapshots(id, { limit: 50 })]));
  const active = snapshots.some((s) => s.status === "queued" || s.status === "running");
  const rules = monitor.alertRules.map((rule) => {
    switch (rule.type) {
      case "complianceBelow":
        return `compliance below ${rule.percent}%`;
      case "newFailures":
        return `at least ${rule.atLeast} new failing pair(s)`;
      case "recovered":
        return `at least ${rule.atLeast} pair(s) passing again`;
      case "snapshotFailed":
        return "a snapshot fails";
    }
  });

  return (
    <div className="max-w-6xl space-y-4">
      <PageHeader
        title={monitor.name}
        action={
          edit && (
            <div className="flex flex-wrap items-center gap-1">
              <RunNowButton id={monitor.id} name={monitor.name} />
              <ButtonLink variant="ghost" href={`/monitors/${monitor.id}/edit`}>
                Edit
              </ButtonLink>
              <PauseButton id={monitor.id} name={monitor.name} enabled={monitor.enabled} version={monitor.version} />
              <DeleteMonitorButton id={monitor.id} name={monitor.name} />
            </div>
          )
        }
      />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-zinc-500">Credential</dt>
          <dd>{monitor.credential?.name ?? <span className="text-red-600">deleted: choose another credential</span>}</dd>
          <dt className="text-zinc-500">Organization</dt>
          <dd className="font-mono text-xs">{monitor.orgId ?? "the credential's default"}</dd>
          <dt className="text-zinc-500">Policies</dt>
          <dd>{scopeText(monitor.scope)}</dd>
          <dt className="text-zinc-500">Schedule</dt>
          <dd>
            {monitor.schedule.description} <span className="font-mono text-xs text-zinc-500">({monitor.schedule.cron})</span>
            {monitor.enabled ? <> · next {formatTime(monitor.nextRunAt)}</> : " · paused"}
          </dd>
          <dt className="text-zinc-500">Alert rules</dt>
          <dd>{rules.length > 0 ? rules.join("; ") : "none"}</dd>
          <dt className="text-zinc-500">Compliance</dt>
          <dd>
            <Link href={`/compliance?monitor=${monitor.id}`} className="underline">
              This monitor&apos;s dashboard
            </Link>
          </dd>
        </dl>
      </Card>

      <h2 className="text-lg font-semibold">Snapshots</h2>
      <RefreshWhile active={active} />
      {snapshots.length === 0 ? (
        <EmptyState title="No snapshots yet">
          {monitor.enabled ? `The first runs ${formatTime(monitor.nextRunAt)}.` : "The monitor is paused."} {edit ? "Run now takes one at once." : ""}
        </EmptyState>
      ) : (
        <TableCard
          testId="snapshots-table"
          columns={["Scheduled", "Trigger", "Status", alignRight("Passing"), alignRight("Failing"), alignRight("Changes"), alignRight("Requests"), alignRight("Duration"), "Errors"]}
        >
          {snapshots.map((snapshot) => {
            const errors = Array.isArray(snapshot.errors) ? (snapshot.errors as Array<{ policyName: string; message: string }>) : [];
            return (
              <Tr key={snapshot.id} className="align-top" data-testid="snapshot-row">
                <Td className="whitespace-nowrap">{formatTime(snapshot.scheduledFor)}</Td>
                <Td className="text-xs">{snapshot.trigger === "manual" ? `run now by ${snapshot.requestedByName ?? "a removed user"}` : "schedule"}</Td>
                <Td>
                  <SnapshotStatusBadge status={snapshot.status} />
                  {snapshot.attempts > 1 && <span className="ml-1 text-xs text-zinc-500">{snapshot.attempts} attempts</span>}
                </Td>
                <Td align="right">{snapshot.passing}</Td>
                <Td align="right">{snapshot.failing}</Td>
                <Td align="right">{snapshot.transitions}</Td>
                <Td align="right" data-testid="snapshot-requests">{snapshot.requests}</Td>
                <Td align="right" className="whitespace-nowrap">{formatDuration(snapshot.durationMs)}</Td>
                <Td className="text-xs">
                  {snapshot.errorMessage && <p className="text-red-700 dark:text-red-300">{snapshot.errorMessage}</p>}
                  {errors.length > 0 && (
                    <details>
                      <summary className="cursor-pointer">{snapshot.policiesFailed} unreadable {snapshot.policiesFailed === 1 ? "policy" : "policies"}</summary>
                      <ul className="list-disc pl-4">
                        {errors.map((error, index) => (
                          <li key={index}>
                            {error.policyName}: {error.message}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </Td>
              </Tr>
            );
          })}
        </TableCard>
      )}
    </div>
  );
}
