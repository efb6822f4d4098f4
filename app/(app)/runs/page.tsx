import type { Metadata } from "next";
import Link from "next/link";
import { RunFilters } from "@/components/runs/run-filters";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { alignRight, TableCard, Td, Tr } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { operationTitle } from "@/lib/integrations/registry";
import { listNodeConfigs } from "@/lib/node-configs/node-config-store";
import { listRuns, RUN_STATUSES } from "@/lib/node-configs/run-history";
import { firstParam, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser("viewer");
  const search = await searchParams;
  const status = RUN_STATUSES.find((candidate) => candidate === firstParam(search.status));
  const node = firstParam(search.node);
  const page = Math.max(1, Number(firstParam(search.page)) || 1);
  const [{ runs, total, pages }, nodes] = await Promise.all([listRuns({ status, nodeConfigId: node, page }), listNodeConfigs()]);
  const pageHref = (n: number) => {
    const query = new URLSearchParams({ ...(status ? { status } : {}), ...(node ? { node } : {}), ...(n > 1 ? { page: String(n) } : {}) });
    return `/runs${query.size > 0 ? `?${query}` : ""}`;
  };

  return (
    <div className="max-w-6xl space-y-4">
      <PageHeader title="Runs" />
      <RunFilters nodes={nodes.map((n) => ({ id: n.id, name: n.name }))} statuses={RUN_STATUSES} />
      {runs.length === 0 ? (
        <EmptyState title={status || node ? "No runs match these filters" : "No runs yet"}>
          Every node run, from the builder or the HTTP API, is recorded here.
        </EmptyState>
      ) : (
        <TableCard
          testId="runs-table"
          columns={["Started", "Node", "Operation", "Status", alignRight("Items"), alignRight("Duration"), "By"]}
        >
          {runs.map((run) => (
            <Tr key={run.id} data-testid="run-row">
              <Td className="whitespace-nowrap">
                <Link href={`/runs/${run.id}`} className="hover:underline">
                  {run.startedAt.toISOString().replace("T", " ").slice(0, 19)}
                </Link>
              </Td>
              <Td>{run.nodeConfig?.name ?? run.nodeName ?? <span className="text-xs text-zinc-400">inline config</span>}</Td>
              <Td>{operationTitle(run.service, run.resource, run.operation)}</Td>
              <Td>
                <RunStatusBadge status={run.status} />
                {run.errorKind && <span className="ml-2 font-mono text-xs text-zinc-500">{run.errorKind}</span>}
              </Td>
              <Td align="right">{run.itemCount}</Td>
              <Td align="right">{run.durationMs ?? "–"} ms</Td>
              <Td className="text-xs">
                {run.actorName ?? "–"} <span className="text-zinc-400">via {run.via}</span>
              </Td>
            </Tr>
          ))}
        </TableCard>
      )}
      <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
        <span className="text-zinc-500">
          {total} run{total === 1 ? "" : "s"} · page {page} of {pages}
        </span>
        {page > 1 && <Link href={pageHref(page - 1)}>Newer</Link>}
        {page < pages && <Link href={pageHref(page + 1)}>Older</Link>}
      </nav>
    </div>
  );
}
