import type { Metadata } from "next";
import Link from "next/link";
import { NodeConfigActions } from "@/components/node-builder/node-config-actions";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { alignRight, TableCard, Td, Tr } from "@/components/ui/table";
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
      {/* Viewers cannot create nodes: no button that only leads to a refusal. */}
      <PageHeader title="Node builder" action={canEdit && <ButtonLink href="/node-builder/new">New</ButtonLink>} />
      {nodes.length === 0 ? (
        <EmptyState title="No node configurations yet">
          {canEdit ? <>Design an integration node with New, or import one of the guide&apos;s examples.</> : "Editors design integration nodes here."}
        </EmptyState>
      ) : (
        <TableCard testId="node-configs-table" columns={["Name", "Resource", "Operation", "Credential", "Last run", canEdit && alignRight("Actions")]}>
          {nodes.map((node) => {
            const labels = operationLabels(node.integrationService, node.resource, node.operation);
            return (
              <Tr key={node.id} data-testid={`node-row-${node.name}`}>
                <Td className="font-medium">
                  <Link href={`/node-builder/${node.id}`} className="hover:underline">
                    {node.name}
                  </Link>
                </Td>
                <Td>{labels.resource}</Td>
                <Td>{labels.operation}</Td>
                <Td>{node.credential?.name ?? <span className="text-xs text-zinc-400">none</span>}</Td>
                <Td>
                  {node.lastRun ? (
                    <Link href={`/runs/${node.lastRun.id}`}>
                      <RunStatusBadge status={node.lastRun.status} />
                    </Link>
                  ) : (
                    <RunStatusBadge status={null} />
                  )}
                </Td>
                {canEdit && (
                  <Td align="right" className="whitespace-nowrap">
                    <NodeConfigActions id={node.id} name={node.name} version={node.version} />
                  </Td>
                )}
              </Tr>
            );
          })}
        </TableCard>
      )}
    </div>
  );
}
