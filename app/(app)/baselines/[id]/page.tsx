import type { Metadata } from "next";
import { DesiredStateEditor } from "@/components/drift/desired-state-editor";
import { DriftItemCard } from "@/components/drift/drift-item-card";
import { RunCheckButton } from "@/components/drift/run-check-button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { alignRight, TableCard, Td, Tr } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { getBaseline, listVersions } from "@/lib/drift/baseline-store";
import { listDrift } from "@/lib/drift/drift-items";
import { orNotFound } from "@/lib/errors/or-not-found";

export const metadata: Metadata = { title: "Drift" };

const when = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString().replace("T", " ").slice(0, 19) : "—");

export default async function BaselinePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("viewer");
  const canEdit = hasRole(user.role, "editor");
  const { id } = await params;
  const baseline = await orNotFound(getBaseline(id));
  const [{ items, checks }, versions] = await Promise.all([listDrift(id, { status: "all", limit: 200 }), listVersions(id)]);
  const open = items.filter((item) => item.status === "open");
  const resolved = items.filter((item) => item.status === "resolved");

  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader
        back={{ href: "/baselines", label: "Baselines" }}
        title={baseline.name}
        description={
          <>
            {baseline.policies.length} {baseline.policies.length === 1 ? "policy" : "policies"} through {baseline.credential?.name ?? "a deleted credential"} · version{" "}
            <span data-testid="baseline-version">{baseline.currentVersion}</span> · {baseline.schedule?.description ?? "checked on demand"}
            {baseline.nextCheckAt ? ` (next ${when(baseline.nextCheckAt)} UTC)` : ""}
          </>
        }
      />
      {canEdit && <RunCheckButton baselineId={baseline.id} />}

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">
          Open drift <Badge tone={open.length > 0 ? "danger" : "success"}>{open.length}</Badge>
        </h2>
        {open.length === 0 ? (
          <EmptyState title={checks.length === 0 ? "Not checked yet" : "No open drift"}>
            {checks.length === 0 ? "Run a drift check to compare reality with this baseline." : "The last check found reality as the baseline describes it."}
          </EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="open-drift">
            {open.map((item) => (
              <DriftItemCard key={item.id} baselineId={baseline.id} item={item} canEdit={canEdit} />
            ))}
          </ul>
        )}
      </section>

      {resolved.length > 0 && (
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">Resolved</h2>
          <ul className="space-y-3" data-testid="resolved-drift">
            {resolved.map((item) => (
              <DriftItemCard key={item.id} baselineId={baseline.id} item={item} canEdit={false} />
            ))}
          </ul>
        </section>
      )}

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Checks</h2>
        {checks.length === 0 ? (
          <p className="text-sm text-zinc-500">None yet.</p>
        ) : (
          <TableCard
            testId="checks-table"
            columns={["When", "Trigger", "Status", alignRight("Version"), alignRight("Open"), alignRight("New"), alignRight("Resolved"), alignRight("Requests"), alignRight("Duration")]}
          >
            {checks.map((check) => (
              <Tr key={check.id} data-testid="check-row">
                <Td className="whitespace-nowrap">{when(check.finishedAt ?? check.scheduledFor)}</Td>
                <Td>{check.trigger === "manual" ? `by ${check.requestedByName ?? "someone"}` : "schedule"}</Td>
                <Td>
                  {check.status}
                  {check.errorMessage && <div className="text-xs text-red-600">{check.errorMessage}</div>}
                </Td>
                <Td align="right">{check.baselineVersion}</Td>
                <Td align="right">{check.open}</Td>
                <Td align="right">{check.opened}</Td>
                <Td align="right">{check.resolved}</Td>
                <Td align="right">{check.requests}</Td>
                <Td align="right">{check.durationMs === null ? "—" : `${check.durationMs} ms`}</Td>
              </Tr>
            ))}
          </TableCard>
        )}
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">History</h2>
        <ol className="space-y-1 text-sm" data-testid="versions">
          {versions.map((v) => (
            <li key={v.number}>
              <span className="font-medium">Version {v.number}</span> · {when(v.createdAt)} · {v.createdBy ?? "—"} · {v.summary}
            </li>
          ))}
        </ol>
      </section>

      {canEdit && (
        <details className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <summary className="cursor-pointer font-medium">Edit the desired state</summary>
          <div className="mt-3">
            <DesiredStateEditor key={baseline.currentVersion} baselineId={baseline.id} policies={baseline.policies} version={baseline.version} />
          </div>
        </details>
      )}
    </div>
  );
}
