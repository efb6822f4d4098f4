"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { runNode } from "@/app/actions/run-node";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { WriteDescription } from "@/lib/integrations/types";
import type { JsonValue } from "@/lib/json/json-value";
import type { NodeConfig } from "@/lib/nodes/node-config";

/** Runs the same config with the same input and credential again, then opens the new run; writes ask first. */
export function RunAgainButton({
  config,
  input,
  credentialId,
  node,
  write,
}: {
  config: NodeConfig;
  input: JsonValue | undefined;
  credentialId: string | undefined;
  node?: { id: string; name: string } | undefined;
  write: WriteDescription | null;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const again = () =>
    startTransition(async () => {
      setError(null);
      const result = await runNode({
        config,
        ...(input === undefined ? {} : { input }),
        ...(credentialId ? { credentialId } : {}),
        ...(node ? { nodeConfigId: node.id, nodeName: node.name } : {}),
      });
      if (!result.ok) return setError(result.error.message);
      const runId = result.data.runId;
      if (runId) router.push(`/runs/${runId}`);
      else setError(result.data.status === "error" ? result.data.message : "The run left no record.");
    });
  return (
    <>
      <Button variant="secondary" disabled={pending} onClick={() => (write ? setConfirming(true) : again())}>
        {pending ? "Running…" : "Run again"}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title="Run this change again?"
        message={write?.summary ?? null}
        confirmLabel={write?.action ?? "Run"}
        danger={write?.destructive ?? false}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          again();
        }}
      />
    </>
  );
}
