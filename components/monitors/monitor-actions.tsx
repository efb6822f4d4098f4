"use client";
// Run now, pause/resume and delete for one monitor (editors). Each reports a refusal in place; the actions
// revalidate the monitor pages, which re-renders the one shown (a router.refresh() inside the same transition
// left it pending for good).
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { deleteMonitor } from "@/app/actions/delete-monitor";
import { runMonitor } from "@/app/actions/run-monitor";
import { updateMonitor } from "@/app/actions/update-monitor";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";

export function RunNowButton({ id, name }: { id: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const [note, setNote] = useState<string>();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        aria-label={`Run now: ${name}`}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await runMonitor({ id });
            setNote(result.ok ? (result.data.created ? "Snapshot queued" : "A snapshot is already queued or running") : result.error.message);
          })
        }
      >
        {pending ? "Queuing…" : "Run now"}
      </Button>
      {note && (
        <span role="status" className="text-xs text-zinc-500">
          {note}
        </span>
      )}
    </span>
  );
}

export function PauseButton({ id, name, enabled, version }: { id: string; name: string; enabled: boolean; version: number }) {
  return (
    <span className="inline-flex items-center gap-2">
      <ActionButton aria-label={`${enabled ? "Pause" : "Resume"} ${name}`} action={() => updateMonitor({ id, patch: { enabled: !enabled, version } })}>
        {enabled ? "Pause" : "Resume"}
      </ActionButton>
    </span>
  );
}

export function DeleteMonitorButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <>
      <Button variant="ghost" aria-label={`Delete ${name}`} onClick={() => dialog.current?.showModal()}>
        Delete
      </Button>
      <dialog ref={dialog} aria-labelledby={`delete-monitor-${id}`} className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-black/40 dark:bg-zinc-900 dark:text-zinc-100">
        <h2 id={`delete-monitor-${id}`} className="text-lg font-semibold">
          Delete “{name}”?
        </h2>
        <p className="mt-2 text-sm">Its snapshots and the compliance history of its pairs are deleted with it. Pausing keeps them.</p>
        {error && (
          <p role="alert" className="mt-2 text-sm text-red-600">
            {error}
          </p>
        )}
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await deleteMonitor({ id });
                if (!result.ok) return setError(result.error.message);
                dialog.current?.close();
                router.push("/monitors");
              })
            }
          >
            {pending ? "Deleting…" : "Delete monitor"}
          </Button>
        </div>
      </dialog>
    </>
  );
}
