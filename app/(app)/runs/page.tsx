import type { Metadata } from "next";
import Link from "next/link";
import { RunFilters } from "@/components/runs/run-filters";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { operationTitle } from "@/lib/integrations/registry";
import { listNodeConfigs } from "@/lib/node-configs/node-config-store";
import { listRuns, RUN_STATUSES } from "@/lib/node-configs/run-history";

export const metadata: Metadata = { title: "Runs" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function RunsPage({ searchParams }: { searchParams: Search }) {
  await requirePageUser("viewer");
  const search = await searchParams;
  const status = RUN_STATUSES.find((candidate) => candidate === one(search.status));
  const node = one(search.node);
  const page = Math.max(1, Number(one(search.page)) || 1);
  const [{ runs, total, pages }, nodes] = await Promise.all([listRuns({ status, nodeConfigId: node, page }), listNodeConfigs()]);
  const pageHref = (n: number) => {
    const query = new URLSearchParams({ ...(status ? { status } : {}), ...(node ? { node } : {}), ...(n > 1 ? { page: String(n) } : {}) });
    return `/runs${query.size > 0 ? `?${query}` : ""}`;
  };

  return (
    <div className="max-w-6xl space-y-4">
      <h1 className="text-2xl font-semibold">Runs</h1>
      <RunFilters nodes={nodes.map((n) => ({ id: n.id, name: n.name }))} statuses={RUN_STATUSES} />
      {runs.length === 0 ? (
        <EmptyState title={status || node ? "No runs match these filters" : "No runs yet"}>
          Every node run, from the builder or the HTTP API, is recorded here.
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto p-0">
          <Table
            testId="runs-table"
            head={
              <>
                <Th>Started</Th>
                <Th>Node</Th>
                <Th>Operation</Th>
                <Th>Status</Th>
                <Th align="right">Items</Th>
                <Th align="right">Duration</Th>
                <Th>By</Th>
              </>
            }
          >
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800" data-testid="run-row">
                  <td className="px-4 py-2 whitespace-nowrap">
                    <Link href={`/runs/${run.id}`} className="hover:underline">
                      {run.startedAt.toISOString().replace("T", " ").slice(0, 19)}
                    </Link>
                  </td>
                  <td className="px-4 py-2">{run.nodeConfig?.name ?? run.nodeName ?? <span className="text-xs text-zinc-400">inline config</span>}</td>
                  <td className="px-4 py-2">
                    {operationTitle(run.service, run.resource, run.operation)}
                  </td>
                  <td className="px-4 py-2">
                    <RunStatusBadge status={run.status} />
                    {run.errorKind && <span className="ml-2 font-mono text-xs text-zinc-500">{run.errorKind}</span>}
                  </td>
                  <td className="px-4 py-2 text-right">{run.itemCount}</td>
                  <td className="px-4 py-2 text-right">{run.durationMs ?? "–"} ms</td>
                  <td className="px-4 py-2 text-xs">
                    {run.actorName ?? "–"} <span className="text-zinc-400">via {run.via}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
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
