"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { updateBaseline } from "@/app/actions/update-baseline";
import { Button } from "@/components/ui/button";
import { controlClass, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { PolicyState } from "@/lib/integrations/baseline-contract";

/** Edits the desired state as JSON (the shape each version stores); saving makes a new version. */
export function DesiredStateEditor({ baselineId, policies, version }: { baselineId: string; policies: PolicyState[]; version: number }) {
  const router = useRouter();
  const [text, setText] = useState(() => JSON.stringify(policies, null, 2));
  const [summary, setSummary] = useState("");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      setMessage(undefined);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        return setMessage({ tone: "error", text: `The desired state is not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
      }
      const result = await updateBaseline({ id: baselineId, patch: { policies: parsed as PolicyState[], ...(summary.trim() ? { summary } : {}), version } });
      if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
      setMessage({ tone: "success", text: `Saved as version ${result.data.currentVersion}.` });
      router.refresh();
    });
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Each policy&apos;s name, values (by config field id), notes and associations. Remove a policy to stop checking it; capture again to add one.
      </p>
      <textarea aria-label="Desired state (JSON)" className={`${controlClass} h-80 font-mono text-xs`} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      <TextField label="What changed (shown in the history)" value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={500} />
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <Button disabled={pending} onClick={save}>
        {pending ? "Saving…" : "Save as new version"}
      </Button>
    </div>
  );
}
