"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toCurl } from "@/lib/integrations/curl";
import type { PlannedRequest } from "@/lib/integrations/types";
import type { LivePreview } from "@/lib/node-configs/live-preview";
import { formatPath, isPlainObject, type NodeIssue, type PathSegment } from "@/lib/json/json-value";
import type { ParameterSource } from "@/lib/nodes/merge";

interface Leaf {
  path: string;
  value: unknown;
}

/** Every value of the final parameters with its path; lists of plain values stay one row. */
function leaves(value: unknown, segments: PathSegment[] = []): Leaf[] {
  if (isPlainObject(value) && Object.keys(value).length > 0) return Object.entries(value).flatMap(([key, child]) => leaves(child, [...segments, key]));
  if (Array.isArray(value) && value.some((item) => typeof item === "object" && item !== null)) return value.flatMap((item, index) => leaves(item, [...segments, index]));
  return [{ path: formatPath(segments), value }];
}

const under = (path: string, prefix: string) => prefix !== "" && (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`));

function sourceOf(path: string, sources: readonly ParameterSource[]): ParameterSource | undefined {
  return sources.filter((source) => under(path, source.path)).sort((a, b) => b.path.length - a.path.length)[0];
}

function SourceLabel({ source }: { source: ParameterSource | undefined }) {
  if (!source || source.source === "node") return <Badge>node parameter</Badge>;
  if (source.source === "extracted") return <Badge tone="brand">extracted from input · {source.inputKey}</Badge>;
  return <Badge tone="success">input data · {source.inputKey}</Badge>;
}

const show = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="secondary"
      className="px-2 py-1 text-xs"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      {copied ? "Copied" : label}
    </Button>
  );
}

function RequestView({ request, index, curlVariables }: { request: PlannedRequest; index: number; curlVariables: Readonly<Record<string, string>> }) {
  const curl = toCurl(request, curlVariables);
  return (
    <li className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-700" data-testid="planned-request">
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-zinc-500">
          {index + 1}. {request.purpose}
        </p>
        <CopyButton text={curl} label="Copy as curl" />
      </div>
      <p className="font-mono text-xs break-all">
        <span className="font-semibold">{request.method}</span> {request.url}
      </p>
      <table className="w-full font-mono text-xs">
        <tbody>
          {Object.entries(request.headers).map(([name, value]) => (
            <tr key={name}>
              <td className="pr-2 align-top text-zinc-500">{name}</td>
              <td className="break-all">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {request.body !== undefined && <pre className="overflow-auto rounded bg-zinc-50 p-2 text-xs dark:bg-zinc-800">{JSON.stringify(request.body, null, 2)}</pre>}
      {request.pagination && (
        <p className="text-xs text-zinc-500">
          Then the next pages of {request.pagination.pageSize}, until {request.pagination.until}.
        </p>
      )}
      <details>
        <summary className="cursor-pointer text-xs text-zinc-500">curl</summary>
        <pre className="overflow-auto rounded bg-zinc-50 p-2 text-xs dark:bg-zinc-800" data-testid="curl">
          {curl}
        </pre>
      </details>
    </li>
  );
}

/** For an issue with a suggested value: the action that writes it into the node, when the node holds the flagged value. */
export type FixFor = (issue: NodeIssue) => (() => void) | undefined;

function FixButton({ issue, fixFor }: { issue: NodeIssue; fixFor: FixFor | undefined }) {
  const apply = issue.fix ? fixFor?.(issue) : undefined;
  if (!apply || !issue.fix) return null;
  return (
    <Button variant="secondary" className="ml-2 px-2 py-0.5 text-xs" onClick={apply} data-testid="issue-fix">
      {issue.fix.label}
    </Button>
  );
}

function IssueList({ issues, fixFor }: { issues: readonly NodeIssue[]; fixFor: FixFor | undefined }) {
  if (issues.length === 0) return null;
  return (
    <ul className="space-y-1 text-xs" data-testid="preview-issues">
      {issues.map((issue, index) => (
        <li key={index} className={issue.severity === "error" ? "text-red-700 dark:text-red-300" : "text-amber-700 dark:text-amber-300"}>
          <span className="font-mono">{issue.path || "(config)"}</span>: {issue.message}
          <FixButton issue={issue} fixFor={fixFor} />
        </li>
      ))}
    </ul>
  );
}

/** The final parameters with their sources, the problems where they occur, and the exact requests. */
export function PreviewPanel({ preview, fixFor }: { preview: LivePreview; fixFor?: FixFor }) {
  const { resolved, plan, planError } = preview;
  const rows = leaves(resolved.parameters);
  return (
    <section aria-label="Live preview" className="space-y-4" data-testid="live-preview">
      <div>
        <h3 className="mb-2 text-sm font-semibold">Final parameters</h3>
        {rows.length === 0 || (rows.length === 1 && rows[0]!.path === "") ? (
          <p className="text-xs text-zinc-500">No parameters yet.</p>
        ) : (
          <table className="w-full text-xs" data-testid="resolved-parameters">
            <tbody>
              {rows.map((row) => {
                const problems = resolved.issues.filter((issue) => issue.path === row.path || under(row.path, issue.path) || under(issue.path, row.path));
                return (
                  <tr key={row.path} className="border-b border-zinc-100 align-top dark:border-zinc-800" data-param={row.path}>
                    <td className="py-1 pr-2 font-mono text-zinc-500">{row.path}</td>
                    <td className="py-1 pr-2 font-mono break-all">
                      {show(row.value)}
                      {problems.map((issue, index) => (
                        <span key={index} className={`block ${issue.severity === "error" ? "text-red-700 dark:text-red-300" : "text-amber-700"}`} data-testid="param-issue">
                          {issue.message}
                          <FixButton issue={issue} fixFor={fixFor} />
                        </span>
                      ))}
                    </td>
                    <td className="py-1 text-right">
                      <SourceLabel source={sourceOf(row.path, resolved.sources)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      <IssueList issues={resolved.issues.filter((issue) => !rows.some((row) => row.path === issue.path || under(row.path, issue.path) || under(issue.path, row.path)))} fixFor={fixFor} />
      <div>
        <h3 className="mb-2 text-sm font-semibold">Requests</h3>
        {plan ? (
          <>
            <ol className="space-y-2">
              {plan.requests.map((request, index) => (
                <RequestView key={index} request={request} index={index} curlVariables={resolved.run?.integration.curlVariables ?? {}} />
              ))}
            </ol>
            {plan.notes.length > 0 && (
              <ul className="mt-2 list-disc pl-4 text-xs text-zinc-500" data-testid="plan-notes">
                {plan.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p className="text-xs text-zinc-500" data-testid="plan-error">
            {planError?.message}
            {planError?.guidance && <span className="block">{planError.guidance}</span>}
          </p>
        )}
      </div>
    </section>
  );
}
