// The compliance page's data part, streamed inside <Suspense>: every figure comes from the SQL aggregates of
// lib/compliance/compliance-queries.ts; each chart has a table with the same numbers.
import Link from "next/link";
import type { ReactNode } from "react";
import { FailingPoliciesChart, TrendChart } from "@/components/compliance/charts";
import { bucketLabel, formatRate, formatTime, signed } from "@/components/compliance/format";
import { PairsTable } from "@/components/compliance/pairs-table";
import { SnapshotStatusBadge } from "@/components/monitors/snapshot-status-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { alignRight, Table, TableCard, Td, Tr } from "@/components/ui/table";
import { complianceChange, complianceSummary, complianceTrend, failingByPolicy, listPairs } from "@/lib/compliance/compliance-queries";

export const RANGES = {
  "24h": { label: "24 hours", ms: 24 * 3_600_000, bucket: "hour" },
  "7d": { label: "7 days", ms: 7 * 86_400_000, bucket: "hour" },
  "30d": { label: "30 days", ms: 30 * 86_400_000, bucket: "day" },
  "90d": { label: "90 days", ms: 90 * 86_400_000, bucket: "day" },
} as const;
export type RangeKey = keyof typeof RANGES;

/** Failing pairs the page lists at once; the CSV export has all of them. */
const FAILING_SHOWN = 500;

function Stat({ label, value, change, testId }: { label: string; value: string; change?: { text: string; good: boolean | null } | undefined; testId: string }) {
  return (
    <Card className="p-4" data-testid={testId}>
      <p className="text-xs uppercase text-zinc-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold" data-testid={`${testId}-value`}>
        {value}
      </p>
      {change && (
        <p className={`text-xs ${change.good === null ? "text-zinc-500" : change.good ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400"}`}>
          {change.text} since the previous snapshot
        </p>
      )}
    </Card>
  );
}

/** A chart, and folded under it a table with its figures: a screen reader reads the chart as one image. */
function ChartWithTable({
  chart,
  chartLabel,
  chartTestId,
  summary,
  tall = false,
  children,
}: {
  chart: ReactNode;
  chartLabel: string;
  chartTestId: string;
  summary: string;
  /** Room for many labelled bars: two-line policy names at 15 bars overlapped in the default height. */
  tall?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <div className={tall ? "h-[32rem]" : "h-72"} role="img" aria-label={chartLabel} data-testid={chartTestId}>
        {chart}
      </div>
      <details>
        <summary className="cursor-pointer text-sm">{summary}</summary>
        {children}
      </details>
    </>
  );
}

export async function ComplianceDashboard({ range, monitorId, now }: { range: RangeKey; monitorId?: string | undefined; now: Date }) {
  const scope = monitorId ? { monitorId } : {};
  const spec = RANGES[range];
  const [summary, change, trend, policies, failing] = await Promise.all([
    complianceSummary(scope),
    complianceChange(scope),
    complianceTrend({ ...scope, bucket: spec.bucket, from: new Date(now.getTime() - spec.ms), to: now }),
    failingByPolicy({ ...scope, limit: 15 }),
    listPairs({ ...scope, states: ["failing"], limit: FAILING_SHOWN }),
  ]);
  if (summary.monitors.length === 0) {
    return (
      <EmptyState title={monitorId ? "No such monitor" : "No monitors yet"}>
        A monitor takes compliance snapshots of a credential&apos;s policies on a schedule.{" "}
        <Link href="/monitors" className="underline">
          Go to Monitors
        </Link>
      </EmptyState>
    );
  }
  if (!change.observedAt) {
    return (
      <EmptyState title="No snapshots yet">
        The first snapshot appears here when a monitor runs (on its schedule, or with Run now on{" "}
        <Link href="/monitors" className="underline">
          Monitors
        </Link>
        ).
      </EmptyState>
    );
  }
  const names = new Map(summary.monitors.map((m) => [m.monitorId, m.monitorName]));
  const { latest, previous } = change;
  const rateDelta = previous && latest.complianceRate !== null && previous.complianceRate !== null ? latest.complianceRate - previous.complianceRate : null;
  const failingDelta = previous ? latest.failing - previous.failing : null;
  const csvQuery = new URLSearchParams({ state: "failing", ...(monitorId ? { monitorId } : {}) });
  const policyHref = (policyId: string) => `/compliance/policies/${encodeURIComponent(policyId)}${monitorId ? `?monitor=${monitorId}` : ""}`;
  const policyRows = policies.map((p) => ({
    policyId: p.policyId,
    label: p.policyName ?? p.policyId,
    failing: p.failing,
    systems: p.systems,
    href: policyHref(p.policyId),
    monitor: names.get(p.monitorId) ?? p.monitorId,
  }));

  return (
    <div className="space-y-4">
      <p className="text-xs text-zinc-500" data-testid="as-of">
        As of the latest snapshot, {formatTime(change.observedAt)}
      </p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Compliance rate"
          value={formatRate(summary.total.complianceRate)}
          testId="stat-rate"
          change={rateDelta === null ? undefined : { text: `${signed(rateDelta, 1)} points`, good: rateDelta === 0 ? null : rateDelta > 0 }}
        />
        <Stat
          label="Failing pairs"
          value={String(summary.total.failing)}
          testId="stat-failing"
          change={failingDelta === null ? undefined : { text: signed(failingDelta), good: failingDelta === 0 ? null : failingDelta < 0 }}
        />
        <Stat label="Passing pairs" value={String(summary.total.passing)} testId="stat-passing" />
        <Stat label="Pending / unknown" value={`${summary.total.pending} / ${summary.total.unknown}`} testId="stat-other" />
      </div>

      <Card className="space-y-3">
        <h2 className="font-semibold">Compliance over {spec.label}</h2>
        {trend.length === 0 ? (
          <p className="text-sm text-zinc-500">No snapshot finished in this period.</p>
        ) : (
          <ChartWithTable
            chart={<TrendChart points={trend} unit={spec.bucket} />}
            chartLabel={`Compliance rate and failing pairs per ${spec.bucket} over ${spec.label}; the table below has the figures.`}
            chartTestId="trend-chart"
            summary="Show the trend as a table"
          >
            <Table
              testId="trend-table"
              columns={[spec.bucket === "hour" ? "Hour (UTC)" : "Day (UTC)", alignRight("Compliance"), alignRight("Passing"), alignRight("Failing"), alignRight("Pending"), alignRight("Unknown")]}
            >
              {trend.map((point) => (
                <Tr key={point.bucket}>
                  <Td compact>{bucketLabel(point.bucket, spec.bucket)}</Td>
                  <Td compact align="right">{formatRate(point.complianceRate)}</Td>
                  <Td compact align="right">{point.passing}</Td>
                  <Td compact align="right">{point.failing}</Td>
                  <Td compact align="right">{point.pending}</Td>
                  <Td compact align="right">{point.unknown}</Td>
                </Tr>
              ))}
            </Table>
          </ChartWithTable>
        )}
      </Card>

      <Card className="space-y-3">
        <h2 className="font-semibold">Failing systems per policy</h2>
        {policyRows.length === 0 ? (
          <p className="text-sm text-zinc-500" data-testid="no-failing-policies">
            No policy fails on any system.
          </p>
        ) : (
          <ChartWithTable
            chart={<FailingPoliciesChart rows={policyRows} />}
            chartLabel={`Failing systems for the ${policyRows.length} policies that fail most; the table below has the figures.`}
            chartTestId="policies-chart"
            summary="Show as a table"
            tall={policyRows.length > 6}
          >
            <Table testId="policies-table" columns={["Policy", alignRight("Failing systems"), alignRight("Systems"), "Monitor"]}>
              {policyRows.map((row) => (
                <Tr key={`${row.monitor}/${row.policyId}`}>
                  <Td compact>
                    <Link href={row.href} className="hover:underline">
                      {row.label}
                    </Link>
                  </Td>
                  <Td compact align="right">{row.failing}</Td>
                  <Td compact align="right">{row.systems}</Td>
                  <Td compact>{row.monitor}</Td>
                </Tr>
              ))}
            </Table>
          </ChartWithTable>
        )}
      </Card>

      <Card className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-semibold">Failing pairs</h2>
          <a href={`/api/v1/compliance/pairs.csv?${csvQuery}`} download className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
            Export CSV
          </a>
        </div>
        {failing.pairs.length === 0 ? (
          <p className="text-sm text-zinc-500">Nothing fails. Every pair in scope passed its last check (or is pending).</p>
        ) : (
          <>
            {failing.next && (
              <p className="text-xs text-zinc-500">
                The {FAILING_SHOWN} longest-failing pairs are listed; the CSV export has all {summary.total.failing}.
              </p>
            )}
            <PairsTable
              testId="failing-pairs"
              pairs={failing.pairs.map((pair) => ({ ...pair, monitorName: names.get(pair.monitorId) ?? pair.monitorId }))}
              columns={summary.monitors.length > 1 && !monitorId ? ["policy", "system", "monitor"] : ["policy", "system"]}
              monitorId={monitorId}
            />
          </>
        )}
      </Card>

      <TableCard testId="monitor-compliance" columns={["Monitor", alignRight("Compliance"), alignRight("Failing"), "Last snapshot"]}>
        {summary.monitors.map((monitor) => (
          <Tr key={monitor.monitorId}>
            <Td>
              <Link href={`/monitors/${monitor.monitorId}`} className="hover:underline">
                {monitor.monitorName}
              </Link>
            </Td>
            <Td align="right">{formatRate(monitor.complianceRate)}</Td>
            <Td align="right">{monitor.failing}</Td>
            <Td>
              {monitor.lastSnapshot ? (
                <span className="flex items-center gap-2">
                  <SnapshotStatusBadge status={monitor.lastSnapshot.status} />
                  <span className="text-xs text-zinc-500">{formatTime(monitor.lastSnapshot.finishedAt)}</span>
                </span>
              ) : (
                <span className="text-xs text-zinc-500">never run</span>
              )}
            </Td>
          </Tr>
        ))}
      </TableCard>
    </div>
  );
}

export function DashboardLoading() {
  return (
    <div className="space-y-4" role="status" aria-live="polite" data-testid="dashboard-loading">
      <span className="sr-only">Loading compliance…</span>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {[0, 1, 2, 3].map((key) => (
          <div key={key} className="h-24 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" />
        ))}
      </div>
      <div className="h-80 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" />
      <div className="h-80 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" />
    </div>
  );
}
