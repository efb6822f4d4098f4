"use client";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Tabs } from "@/components/ui/tabs";
import type { RunOutcome } from "@/lib/node-configs/run-outcome";
import { ItemsTable } from "./items-table";
import { useResultNames } from "./result-names";
import { RunWarnings } from "./run-warnings";

const NO_ITEMS: unknown[] = [];
const NO_SCOPE = {};

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="font-medium" data-testid={`run-${label.toLowerCase()}`}>
        {value}
      </dd>
    </div>
  );
}

/** A run's outcome: counts and items, or the platform's troubleshooting guidance and the located issues. */
export function RunResult({ outcome, lookup }: { outcome: RunOutcome; lookup?: { service: string; credentialId: string | undefined; scope: Record<string, unknown> } }) {
  const [tab, setTab] = useState<"table" | "json">("table");
  const items = outcome.status === "success" ? outcome.items : NO_ITEMS;
  const names = useResultNames(lookup?.service ?? "", lookup?.credentialId, lookup?.scope ?? NO_SCOPE, items);
  if (outcome.status === "error") {
    return (
      <div className="space-y-2 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100" role="alert" data-testid="run-error">
        <div className="flex items-center gap-2">
          <Badge tone="danger">error</Badge>
          <span className="font-mono text-xs">{outcome.kind}</span>
          {outcome.upstreamStatus !== undefined && <span className="text-xs">HTTP {outcome.upstreamStatus}</span>}
        </div>
        <p className="font-medium">{outcome.message}</p>
        {outcome.guidance && <p data-testid="run-guidance">{outcome.guidance}</p>}
        {outcome.issues && outcome.issues.length > 0 && (
          <ul className="list-disc pl-5 text-xs" data-testid="run-issues">
            {outcome.issues.map((issue, index) => (
              <li key={index}>
                <span className="font-mono">{issue.path || "(config)"}</span>: {issue.message}
              </li>
            ))}
          </ul>
        )}
        {outcome.runId && (
          <Link className="text-xs underline" href={`/runs/${outcome.runId}`}>
            Open the run record
          </Link>
        )}
      </div>
    );
  }
  return (
    <div className="space-y-3" data-testid="run-success">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-6">
        <div>
          <dt className="text-xs text-zinc-500">Status</dt>
          <dd>
            <Badge tone="success">success</Badge>
          </dd>
        </div>
        <Stat label="Duration" value={`${outcome.durationMs} ms`} />
        <Stat label="Requests" value={outcome.requests} />
        <Stat label="Pages" value={outcome.pages} />
        <Stat label="Items" value={outcome.itemCount} />
        <div>
          <Link className="text-xs underline" href={`/runs/${outcome.runId}`}>
            Run record
          </Link>
        </div>
      </dl>
      <RunWarnings warnings={outcome.warnings} />
      {outcome.items.length < outcome.itemCount && <p className="text-xs text-zinc-500">Showing the first {outcome.items.length} of {outcome.itemCount} items.</p>}
      <Tabs
        label="Result"
        tabs={[
          { id: "table", label: "Table" },
          { id: "json", label: "JSON" },
        ]}
        selected={tab}
        onSelect={setTab}
      >
        {tab === "table" ? (
          outcome.items.length === 0 ? (
            <p className="text-sm text-zinc-500">The run returned no items.</p>
          ) : (
            <ItemsTable items={outcome.items} names={names} />
          )
        ) : (
          <pre tabIndex={0} className="max-h-96 overflow-auto rounded-md bg-zinc-50 p-3 text-xs dark:bg-zinc-800" data-testid="run-json">
            {JSON.stringify(outcome.items, null, 2)}
          </pre>
        )}
      </Tabs>
    </div>
  );
}
