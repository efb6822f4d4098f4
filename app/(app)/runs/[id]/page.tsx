import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { RunWarnings } from "@/components/runs/run-warnings";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/page-guard";
import { errorAdvice, operationTitle } from "@/lib/integrations/registry";
import { getRun } from "@/lib/node-configs/run-history";
import type { Issue } from "@/lib/errors/app-error";

export const metadata: Metadata = { title: "Run" };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="col-span-2" data-testid={`run-field-${label.toLowerCase().replaceAll(" ", "-")}`}>
        {children}
      </dd>
    </div>
  );
}

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("viewer");
  const { id } = await params;
  const run = await getRun(id);
  if (!run) notFound();
  const guidance = run.errorKind ? errorAdvice(run.service, run.errorKind, run.credential?.authType) : undefined;
  const sample = Array.isArray(run.resultSample) ? run.resultSample : [];
  const warnings = Array.isArray(run.warnings) ? (run.warnings as unknown as Issue[]) : [];

  return (
    <div className="max-w-5xl space-y-4">
      <Link href="/runs" className="text-sm underline">
        ← Runs
      </Link>
      <h1 className="text-2xl font-semibold">
        {operationTitle(run.service, run.resource, run.operation)}
      </h1>
      <Card>
        <dl className="text-sm">
          <Row label="Status">
            <RunStatusBadge status={run.status} />
          </Row>
          <Row label="Node">
            {run.nodeConfigId && run.nodeConfig ? <Link href={`/node-builder/${run.nodeConfigId}`}>{run.nodeConfig.name}</Link> : (run.nodeName ?? "Inline config")}
          </Row>
          <Row label="Actor">
            {run.actorName ?? "–"} (via {run.via})
          </Row>
          <Row label="Credential">{run.credentialName ?? "–"}</Row>
          <Row label="Started">{run.startedAt.toISOString()}</Row>
          <Row label="Duration">{run.durationMs ?? "–"} ms</Row>
          <Row label="Requests">{run.requests}</Row>
          <Row label="Pages">{run.pages}</Row>
          <Row label="Items">{run.itemCount}</Row>
          {run.errorKind && (
            <>
              <Row label="Error kind">
                <span className="font-mono">{run.errorKind}</span>
              </Row>
              <Row label="Error">{run.errorMessage}</Row>
              {guidance && <Row label="What to do">{guidance}</Row>}
            </>
          )}
        </dl>
      </Card>
      {warnings.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-sm font-semibold">Warnings</h2>
          <RunWarnings warnings={warnings} />
        </section>
      )}
      {run.inlineConfig !== null && (
        <section className="space-y-2">
          <h2 className="text-sm font-semibold">Inline config</h2>
          <pre className="overflow-auto rounded-md bg-zinc-50 p-3 text-xs dark:bg-zinc-800">{JSON.stringify(run.inlineConfig, null, 2)}</pre>
        </section>
      )}
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">
          Result sample ({sample.length} of {run.itemCount} items)
        </h2>
        <pre className="max-h-96 overflow-auto rounded-md bg-zinc-50 p-3 text-xs dark:bg-zinc-800" data-testid="run-sample">
          {JSON.stringify(sample, null, 2)}
        </pre>
      </section>
    </div>
  );
}
