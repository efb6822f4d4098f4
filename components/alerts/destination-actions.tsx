"use client";
import { useState, useTransition } from "react";
import { deleteAlertDestination } from "@/app/actions/delete-alert-destination";
import { rotateAlertSecret } from "@/app/actions/rotate-alert-secret";
import { sendTestAlert } from "@/app/actions/send-test-alert";
import { toggleAlertDestination } from "@/app/actions/toggle-alert-destination";
import { Button } from "@/components/ui/button";
import type { ErrorBody } from "@/lib/errors/app-error";
import { OneTimeSecret } from "./one-time-secret";

interface Props {
  id: string;
  name: string;
  enabled: boolean;
  version: number;
}

/** An editor's buttons for one destination: test, pause/resume, rotate the secret, delete. */
export function DestinationActions({ id, name, enabled, version }: Props) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [secret, setSecret] = useState<string>();

  const run = (work: () => Promise<{ ok: true } | { ok: false; error: ErrorBody }>, done?: string) =>
    startTransition(async () => {
      setError(undefined);
      setStatus(undefined);
      const result = await work();
      if (!result.ok) setError(result.error.message);
      else if (done) setStatus(done);
    });

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap justify-end gap-1">
        <Button variant="secondary" disabled={pending || !enabled} aria-label={`Send test alert to ${name}`} onClick={() => run(() => sendTestAlert({ id }), "Test alert queued; see the delivery log.")}>
          Send test alert
        </Button>
        <Button variant="ghost" disabled={pending} aria-label={`${enabled ? "Pause" : "Resume"} ${name}`} onClick={() => run(() => toggleAlertDestination({ id, enabled: !enabled, version }))}>
          {enabled ? "Pause" : "Resume"}
        </Button>
        <Button
          variant="ghost"
          disabled={pending}
          aria-label={`Rotate secret of ${name}`}
          onClick={() => {
            if (!window.confirm(`Rotate the signing secret of “${name}”? The old one keeps signing beside the new one for 24 hours.`)) return;
            run(async () => {
              const result = await rotateAlertSecret({ id, overlapHours: 24 });
              if (result.ok) setSecret(result.data.secret);
              return result;
            });
          }}
        >
          Rotate secret
        </Button>
        <Button
          variant="ghost"
          disabled={pending}
          aria-label={`Delete ${name}`}
          onClick={() => {
            if (!window.confirm(`Delete “${name}” and its delivery log? Alerts stop going there at once.`)) return;
            run(() => deleteAlertDestination({ id }));
          }}
        >
          Delete
        </Button>
      </div>
      {status && (
        <p role="status" className="text-right text-xs text-green-700 dark:text-green-400">
          {status}
        </p>
      )}
      {error && (
        <p role="alert" className="text-right text-xs text-red-600">
          {error}
        </p>
      )}
      {secret && <OneTimeSecret heading={`New secret for “${name}”.`} secret={secret} testId="rotated-secret" />}
    </div>
  );
}
