"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { acceptDriftItem, previewRevert, revertDriftItem } from "@/app/actions/resolve-drift";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import type { DriftItemView, RevertPlan } from "@/lib/drift/drift-items";
import { DriftValue } from "./drift-value";

const KIND_LABELS: Record<string, string> = {
  associationAdded: "Association added",
  associationRemoved: "Association removed",
  valueChanged: "Value changed",
  notesChanged: "Notes changed",
  policyRenamed: "Policy renamed",
  policyDeleted: "Policy deleted",
  complianceRegression: "Compliance regression",
};

const when = (value: Date | string | null) => (value ? new Date(value).toISOString().replace("T", " ").slice(0, 19) + " UTC" : "");

type Dialogs = { kind: "accept" } | { kind: "revert"; plan: RevertPlan } | null;

/** One side of the difference: what the baseline wants, or what is there now. */
function DiffSide({ label, tone, testId, value }: { label: string; tone: string; testId: string; value: unknown }) {
  return (
    <div className={cx("rounded-md p-2 text-sm", tone)}>
      <div className="text-xs font-medium text-zinc-500 uppercase">{label}</div>
      <div data-testid={testId}>
        <DriftValue value={value} />
      </div>
    </div>
  );
}

/** One drift item: what differs, side by side, since when; an editor accepts or reverts an open one. */
export function DriftItemCard({ baselineId, item, canEdit }: { baselineId: string; item: DriftItemView; canEdit: boolean }) {
  const router = useRouter();
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const ids = { baselineId, itemId: item.id };
  const run = (work: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>) =>
    startTransition(async () => {
      setError(undefined);
      const result = await work();
      if (!result.ok) return setError(result.error.message);
      setDialog(null);
      router.refresh();
    });
  const openRevert = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await previewRevert(ids);
      if (result.ok) setDialog({ kind: "revert", plan: result.data });
      else setError(result.error.message);
    });

  return (
    <li className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-testid="drift-item" data-kind={item.kind} data-status={item.status}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={item.status === "open" ? "danger" : "neutral"}>{KIND_LABELS[item.kind] ?? item.kind}</Badge>
        <span className="font-medium">{item.policyName}</span>
        <span className="text-sm text-zinc-500">{item.subject}</span>
        <span className="ml-auto text-xs text-zinc-500" data-testid="drift-since">
          {item.status === "open" ? `since ${when(item.since)}` : `${item.resolution} ${when(item.resolvedAt)}${item.resolvedBy ? ` by ${item.resolvedBy}` : ""} (seen from ${when(item.since)})`}
        </span>
      </div>
      <div className="mt-3 grid gap-2 md:grid-cols-2" data-testid="drift-diff">
        <DiffSide label="Baseline" tone="bg-green-50 dark:bg-green-950/40" testId="drift-expected" value={item.expected} />
        <DiffSide label="Current" tone="bg-red-50 dark:bg-red-950/40" testId="drift-actual" value={item.actual} />
      </div>
      {canEdit && item.status === "open" && (
        <div className="mt-3 flex gap-2">
          <Button variant="secondary" disabled={pending} onClick={() => setDialog({ kind: "accept" })}>
            Accept
          </Button>
          <Button variant="secondary" disabled={pending} onClick={openRevert}>
            Revert…
          </Button>
        </div>
      )}
      {error && !dialog && (
        <div className="mt-2">
          <Notice tone="error">{error}</Notice>
        </div>
      )}
      <Dialog open={dialog !== null} title={dialog?.kind === "revert" ? "Revert to the baseline?" : "Accept into the baseline?"} onClose={() => setDialog(null)}>
        {dialog?.kind === "revert" ? (
          <RevertPlanView plan={dialog.plan} />
        ) : (
          <p>
            {item.kind === "complianceRegression"
              ? "The regression is acknowledged: checks stop reporting it while the system keeps failing since the same time."
              : "Reality becomes the desired state: a new baseline version records this change, and checks stop reporting it."}
          </p>
        )}
        {error && <Notice tone="error">{error}</Notice>}
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={() => setDialog(null)}>
            Cancel
          </Button>
          {dialog?.kind === "revert" ? (
            !dialog.plan.refusal && (
              <Button variant="danger" disabled={pending} onClick={() => run(() => revertDriftItem(ids))}>
                {pending ? "Reverting…" : "Send and revert"}
              </Button>
            )
          ) : (
            <Button disabled={pending} onClick={() => run(() => acceptDriftItem(ids))}>
              {pending ? "Accepting…" : "Accept change"}
            </Button>
          )}
        </div>
      </Dialog>
    </li>
  );
}

/** What reverting would send, or why it cannot. */
function RevertPlanView({ plan }: { plan: RevertPlan }) {
  if (plan.refusal) return <Notice tone="info">{plan.refusal}</Notice>;
  return (
    <div className="space-y-2" data-testid="revert-plan">
      <p>Planned from the current state; these requests will be sent through the baseline&apos;s credential:</p>
      <ul className="list-disc pl-5" data-testid="revert-changes">
        {plan.changes.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
      {plan.requests.map((request, j) => (
        <div key={j} className="rounded-md bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800" data-testid="revert-request">
          <div className="break-all">
            {request.method} {request.url}
          </div>
          {request.body !== undefined && <pre className="mt-1 whitespace-pre-wrap">{JSON.stringify(request.body, null, 2)}</pre>}
          <div className="mt-1 font-sans text-zinc-500">{request.purpose}</div>
        </div>
      ))}
      {plan.requests.length === 0 && <p>Nothing to send: reality already matches the baseline here. Reverting resolves the item.</p>}
    </div>
  );
}
