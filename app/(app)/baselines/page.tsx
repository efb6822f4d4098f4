import type { Metadata } from "next";
import Link from "next/link";
import { CaptureBaselineForm } from "@/components/drift/capture-baseline-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Th } from "@/components/ui/table";
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
      <h1 className="text-2xl font-semibold">Baselines</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A baseline is the desired state of chosen policies: their names, config values, notes and associations. Drift checks compare reality with it, on a
        schedule or on demand; each difference can be accepted into the baseline or reverted.
      </p>
      {baselines.length === 0 ? (
        <EmptyState title="No baselines yet">{canEdit ? "Capture one below from the policies as they are now." : "An editor captures them."}</EmptyState>
      ) : (
        <Card className="overflow-x-auto p-0">
          <Table
            testId="baselines-table"
            head={
              <>
                <Th>Name</Th>
                <Th>Credential</Th>
                <Th align="right">Policies</Th>
                <Th align="right">Version</Th>
                <Th>Open drift</Th>
                <Th>Last check</Th>
                <Th>Schedule</Th>
              </>
            }
          >
            <tbody>
              {baselines.map((b) => (
                <tr key={b.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800" data-testid={`baseline-row-${b.name}`}>
                  <td className="px-4 py-2">
                    <Link href={`/baselines/${b.id}`} className="font-medium hover:underline">
                      {b.name}
                    </Link>
                  </td>
                  <td className="px-4 py-2">{b.credential?.name ?? <span className="text-red-600">deleted</span>}</td>
                  <td className="px-4 py-2 text-right">{b.policies.length}</td>
                  <td className="px-4 py-2 text-right">{b.currentVersion}</td>
                  <td className="px-4 py-2">{b.openDrift > 0 ? <Badge tone="danger">{b.openDrift} open</Badge> : <Badge tone="success">none</Badge>}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{b.lastCheck ? `${when(b.lastCheck.finishedAt ?? b.lastCheck.scheduledFor)} (${b.lastCheck.status})` : "never"}</td>
                  <td className="px-4 py-2">{b.schedule?.description ?? "On demand"}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
      {canEdit && <CaptureBaselineForm credentials={usable} />}
    </div>
  );
}
