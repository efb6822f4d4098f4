import type { Metadata } from "next";
import Link from "next/link";
import { NodeConfigActions } from "@/components/node-builder/node-config-actions";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { operationLabels } from "@/lib/integrations/registry";
import { listNodeConfigs } from "@/lib/node-configs/node-config-store";

export const metadata: Metadata = { title: "Node builder" };

export default async function NodeBuilderPage() {
  const user = await requirePageUser("viewer");
  const canEdit = hasRole(user.role, "editor");
  const nodes = await listNodeConfigs();
  return (
    <div className="max-w-6xl space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Node builder</h1>
        {/* Viewers cannot create nodes: no button that only leads to a refusal. */}
        {canEdit && (
          <Link href="/node-builder/new" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
            New
          </Link>
        )}
      </div>
      {nodes.length === 0 ? (
        <EmptyState title="No node configurations yet">
          {canEdit ? <>Design an integration node with New, or import one of the guide&apos;s examples.</> : "Editors design integration nodes here."}
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto p-0">
          <Table
            testId="node-configs-table"
            head={
              <>
                <Th>Name</Th>
                <Th>Resource</Th>
                <Th>Operation</Th>
                <Th>Credential</Th>
                <Th>Last run</Th>
                {canEdit && <Th align="right">Actions</Th>}
              </>
            }
          >
            <tbody>
              {nodes.map((node) => (
                <tr key={node.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800" data-testid={`node-row-${node.name}`}>
                  <td className="px-4 py-2 font-medium">
                    <Link href={`/node-builder/${node.id}`} className="hover:underline">
                      {node.name}
                    </Link>
                  </td>
                  <td className="px-4 py-2">{operationLabels(node.integrationService, node.resource, node.operation).resource}</td>
                  <td className="px-4 py-2">{operationLabels(node.integrationService, node.resource, node.operation).operation}</td>
                  <td className="px-4 py-2">{node.credential?.name ?? <span className="text-xs text-zinc-400">none</span>}</td>
                  <td className="px-4 py-2">
                    {node.lastRun ? (
                      <Link href={`/runs/${node.lastRun.id}`}>
                        <RunStatusBadge status={node.lastRun.status} />
                      </Link>
                    ) : (
                      <RunStatusBadge status={null} />
                    )}
                  </td>
                  {canEdit && (
                    <td className="px-4 py-2 text-right whitespace-nowrap">
                      <NodeConfigActions id={node.id} name={node.name} version={node.version} />
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
