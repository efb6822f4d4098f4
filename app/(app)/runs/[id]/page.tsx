import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClientItemsTable } from "@/components/runs/client-items-table";
import { RunAgainButton } from "@/components/runs/run-again-button";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { RunWarnings } from "@/components/runs/run-warnings";
import { ButtonLink } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import type { Issue } from "@/lib/errors/app-error";
import { errorAdvice, findOperation, getIntegration, operationTitle } from "@/lib/integrations/registry";
import type { PlannedRequest } from "@/lib/integrations/types";
import { isPlainObject, type JsonValue } from "@/lib/json/json-value";
import { resolveNamesOf } from "@/lib/node-configs/resource-names";
import { getRun } from "@/lib/node-configs/run-history";
import { referencedIds, scopeOf } from "@/lib/node-configs/scope";
import { describeWrite } from "@/lib/node-configs/write-confirmation";
import { parseNodeConfig } from "@/lib/nodes/node-config";
import { RUN_INPUT_BYTES } from "@/lib/runs/run-record";

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

function Json({ value, testId }: { value: unknown; testId: string }) {
  return (
    <pre tabIndex={0} className="max-h-96 overflow-auto rounded-md bg-zinc-50 p-3 text-xs dark:bg-zinc-800" data-testid={testId}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-semibold">{title}</h2>
      {children}
    </section>
  );
}

const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("viewer");
  const { id } = await params;
  const run = await getRun(id);
  if (!run) notFound();
  const guidance = run.errorKind ? errorAdvice(run.service, run.errorKind, run.credential?.authType) : undefined;
  const sample = Array.isArray(run.resultSample) ? run.resultSample : [];
  const warnings = Array.isArray(run.warnings) ? (run.warnings as unknown as Issue[]) : [];
  const requests = Array.isArray(run.requestPlan) ? (run.requestPlan as unknown as PlannedRequest[]) : [];
  const parsed = parseNodeConfig(run.config ?? run.inlineConfig);
  const config = parsed.ok ? parsed.value : undefined;
  const parameters = isPlainObject(run.parameters) ? run.parameters : {};
  const integration = getIntegration(run.service);
  const op = integration ? findOperation(integration, run.resource, run.operation) : undefined;
  const inputKept = run.inputBytes === null || run.input !== null;
  // Names beside the ids of the sample, through the run's credential (cached for a few minutes).
  const names =
    run.credentialId && sample.length > 0
      ? await resolveNamesOf(
          Object.entries(referencedIds(integration, sample)).flatMap(([kind, ids]) => ids.map((ref) => ({ kind, id: ref }))),
          run.credentialId,
          scopeOf(integration, parameters),
        )
      : {};
  const builderHref = run.nodeConfigId && run.nodeConfig ? `/node-builder/${run.nodeConfigId}?run=${run.id}` : `/node-builder/new?run=${run.id}`;

  return (
    <div className="max-w-5xl space-y-4">
      <PageHeader
        back={{ href: "/runs", label: "Runs" }}
        title={operationTitle(run.service, run.resource, run.operation)}
        action={
          config && (
            <div className="flex flex-wrap items-center gap-2">
              <ButtonLink variant="secondary" href={builderHref}>
                Open in builder
              </ButtonLink>
              {hasRole(user.role, "editor") && inputKept && (
                <RunAgainButton
                  config={config}
                  input={(run.input ?? undefined) as JsonValue | undefined}
                  credentialId={run.credentialId ?? undefined}
                  node={run.nodeConfigId && run.nodeConfig ? { id: run.nodeConfigId, name: run.nodeConfig.name } : undefined}
                  write={op ? describeWrite(op, parameters) : null}
                />
              )}
            </div>
          )
        }
      />
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
        <Section title="Warnings">
          <RunWarnings warnings={warnings} />
        </Section>
      )}
      {run.parameters !== null && (
        <Section title="Parameters as resolved">
          <p className="text-xs text-zinc-500">Node values, values extracted from the input and filled-in templates, merged as the run used them.</p>
          <Json value={run.parameters} testId="run-parameters" />
        </Section>
      )}
      {run.inputBytes !== null && (
        <Section title="Input data">
          {run.input !== null ? (
            <Json value={run.input} testId="run-input" />
          ) : (
            <p className="text-sm text-zinc-500" data-testid="run-input">
              The input was {kilobytes(run.inputBytes)}; runs keep input data up to {kilobytes(RUN_INPUT_BYTES)}, so it is not shown and the run cannot be repeated from here.
            </p>
          )}
        </Section>
      )}
      {requests.length > 0 && (
        <Section title={`Requests (${requests.length === 1 ? "1 planned" : `${requests.length} planned`}, secrets masked)`}>
          <ol className="space-y-2" data-testid="run-requests">
            {requests.map((request, index) => (
              <li key={index} className="rounded-md border border-zinc-200 p-2 text-xs dark:border-zinc-700">
                <p className="font-mono break-all">
                  <span className="font-semibold">{request.method}</span> {request.url}
                </p>
                <p className="text-zinc-500">
                  {request.purpose}
                  {request.pagination ? ` · ${request.pagination.pageSize} per page until ${request.pagination.until}` : ""}
                </p>
                <pre tabIndex={0} className="mt-1 overflow-auto font-mono text-zinc-600 dark:text-zinc-300">
                  {Object.entries(request.headers)
                    .map(([name, value]) => `${name}: ${value}`)
                    .join("\n")}
                  {request.body === undefined ? "" : `\n\n${JSON.stringify(request.body, null, 2)}`}
                </pre>
              </li>
            ))}
          </ol>
        </Section>
      )}
      {run.inlineConfig !== null && (
        <Section title="Inline config">
          <Json value={run.inlineConfig} testId="run-inline-config" />
        </Section>
      )}
      <Section title={`Result sample (${sample.length} of ${run.itemCount} items)`}>
        {sample.length > 0 && <ClientItemsTable items={sample} names={{ service: run.service, byKind: names }} />}
        <Json value={sample} testId="run-sample" />
      </Section>
    </div>
  );
}
