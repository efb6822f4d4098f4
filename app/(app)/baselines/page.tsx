import type { Metadata } from "next";
import Link from "next/link";
import { CaptureBaselineForm } from "@/components/drift/capture-baseline-form";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { alignRight, TableCard, Td, Tr } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { listCredentials } from "@/lib/credentials/credential-store";
import { listBaselines } from "@/lib/drift/baseline-store";
import { getIntegration } from "@/lib/integrations/registry";

export const metadata: Metadata = { title: "Baselines" };

const when = (value: Date | null | undefined) => (value ? value.toISOString().replace("T", " ").slice(0, 16) : "—");

export default async function BaselinesPage() {
  const user = await requirePageUser("viewer");
  const canEdit = hasRole(user.role, "editor");
  const [baselines, credentials] = await Promise.all([listBaselines(), canEdit ? listCredentials() : Promise.resolve([])]);
  const usable = credentials.filter((c) => getIntegration(c.service)?.baselines && c.authType !== "systemContext").map((c) => ({ id: c.id, name: c.name }));

  return (
    <div className="max-w-6xl space-y-4">
      <PageHeader
        title="Baselines"
        description={
          <>
            A baseline is the desired state of chosen policies: their names, config values, notes and associations. Drift checks compare reality with it,
            on a schedule or on demand; each difference can be accepted into the baseline or reverted.
          </>
        }
      />
      {baselines.length === 0 ? (
        <EmptyState title="No baselines yet">{canEdit ? "Capture one below from the policies as they are now." : "An editor captures them."}</EmptyState>
      ) : (
        <TableCard
          testId="baselines-table"
          columns={["Name", "Credential", alignRight("Policies"), alignRight("Version"), "Open drift", "Last check", "Schedule"]}
        >
          {baselines.map((b) => (
            <Tr key={b.id} data-testid={`baseline-row-${b.name}`}>
              <Td>
                <Link href={`/baselines/${b.id}`} className="font-medium hover:underline">
                  {b.name}
                </Link>
              </Td>
              <Td>{b.credential?.name ?? <span className="text-red-600">deleted</span>}</Td>
              <Td align="right">{b.policies.length}</Td>
              <Td align="right">{b.currentVersion}</Td>
              <Td>{b.openDrift > 0 ? <Badge tone="danger">{b.openDrift} open</Badge> : <Badge tone="success">none</Badge>}</Td>
              <Td className="whitespace-nowrap">{b.lastCheck ? `${when(b.lastCheck.finishedAt ?? b.lastCheck.scheduledFor)} (${b.lastCheck.status})` : "never"}</Td>
              <Td>{b.schedule?.description ?? "On demand"}</Td>
            </Tr>
          ))}
        </TableCard>
      )}
      {canEdit && <CaptureBaselineForm credentials={usable} />}
    </div>
  );
}
