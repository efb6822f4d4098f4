// A policy's systems or a system's policies: counts, the pairs (failing first) and the CSV of the same view.
import Link from "next/link";
import { formatTime } from "@/components/compliance/format";
import { PairsTable } from "@/components/compliance/pairs-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DRILL_DOWN_PAGE, drillDownView, type DrillTarget } from "@/lib/compliance/drill-down";
import { orNotFound } from "@/lib/errors/or-not-found";

export async function DrillDown({ target, monitorId }: { target: DrillTarget; monitorId?: string | undefined }) {
  const view = await orNotFound(drillDownView(target, monitorId));
  const isPolicy = target.policyId !== undefined;
  const csv = isPolicy ? `/api/v1/compliance/policies/${encodeURIComponent(target.policyId)}/pairs.csv` : `/api/v1/compliance/systems/${encodeURIComponent(target.systemId!)}/pairs.csv`;
  const back = `/compliance${monitorId ? `?monitor=${monitorId}` : ""}`;
  const total = view.counts.passing + view.counts.failing + view.counts.pending + view.counts.unknown;
  return (
    <div className="max-w-6xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={back} className="text-zinc-500 hover:underline">
          Compliance
        </Link>{" "}
        / {isPolicy ? "Policy" : "System"}
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">
          {view.name}
          <span className="ml-2 font-mono text-xs font-normal text-zinc-500">{isPolicy ? target.policyId : target.systemId}</span>
        </h1>
        <a
          href={`${csv}${monitorId ? `?monitorId=${encodeURIComponent(monitorId)}` : ""}`}
          download
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Export CSV
        </a>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="drill-down-counts">
        {isPolicy ? `${total} systems` : `${total} policies`}: {view.counts.failing} failing, {view.counts.passing} passing, {view.counts.pending} pending, {view.counts.unknown} unknown · as of{" "}
        {formatTime(view.observedAt)}
      </p>
      {view.pairs.length === 0 ? (
        <EmptyState title={isPolicy ? "No systems report this policy now" : "No policies report on this system now"}>Its earlier results stay in the history.</EmptyState>
      ) : (
        <Card>
          {view.more && <p className="mb-2 text-xs text-zinc-500">The first {DRILL_DOWN_PAGE} are listed; the CSV export has all of them.</p>}
          <PairsTable testId="drill-down-pairs" pairs={view.pairs} columns={isPolicy ? ["system", "state"] : ["policy", "state"]} monitorId={monitorId} />
        </Card>
      )}
    </div>
  );
}
