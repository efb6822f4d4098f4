import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { cx } from "@/components/ui/class-names";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listMonitors } from "@/lib/compliance/monitor-store";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { ComplianceDashboard, DashboardLoading, RANGES, type RangeKey } from "./dashboard";

export const metadata: Metadata = { title: "Compliance" };

export default async function CompliancePage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser("viewer");
  const search = await searchParams;
  const range: RangeKey = (Object.keys(RANGES) as RangeKey[]).find((key) => key === firstParam(search.range)) ?? "7d";
  const monitors = await listMonitors();
  const monitorId = monitors.find((m) => m.id === firstParam(search.monitor))?.id;
  const href = (next: { range?: RangeKey; monitor?: string | undefined }) => {
    const query = new URLSearchParams();
    const r = next.range ?? range;
    if (r !== "7d") query.set("range", r);
    const m = "monitor" in next ? next.monitor : monitorId;
    if (m) query.set("monitor", m);
    return `/compliance${query.size > 0 ? `?${query}` : ""}`;
  };

  return (
    <div className="max-w-6xl space-y-4">
      <PageHeader
        title="Compliance"
        action={
          <nav aria-label="Period" className="flex gap-1">
            {(Object.keys(RANGES) as RangeKey[]).map((key) => (
              <Link
                key={key}
                href={href({ range: key })}
                aria-current={key === range ? "page" : undefined}
                className={cx("rounded-md px-2.5 py-1 text-sm", key === range ? "bg-brand-600 text-white" : "hover:bg-zinc-100 dark:hover:bg-zinc-800")}
              >
                {key}
              </Link>
            ))}
          </nav>
        }
      />
      {monitors.length > 1 && (
        <nav aria-label="Monitor" className="flex flex-wrap gap-1 text-sm">
          <Link href={href({ monitor: undefined })} aria-current={monitorId ? undefined : "page"} className={cx("rounded-full px-3 py-1", monitorId ? "hover:bg-zinc-100 dark:hover:bg-zinc-800" : "bg-zinc-200 dark:bg-zinc-700")}>
            All monitors
          </Link>
          {monitors.map((monitor) => (
            <Link
              key={monitor.id}
              href={href({ monitor: monitor.id })}
              aria-current={monitor.id === monitorId ? "page" : undefined}
              className={cx("rounded-full px-3 py-1", monitor.id === monitorId ? "bg-zinc-200 dark:bg-zinc-700" : "hover:bg-zinc-100 dark:hover:bg-zinc-800")}
            >
              {monitor.name}
            </Link>
          ))}
        </nav>
      )}
      <Suspense key={`${range}/${monitorId ?? ""}`} fallback={<DashboardLoading />}>
        <ComplianceDashboard range={range} monitorId={monitorId} now={new Date()} />
      </Suspense>
    </div>
  );
}
