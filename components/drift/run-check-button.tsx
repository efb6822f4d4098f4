"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { checkDrift } from "@/app/actions/check-drift";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

export function RunCheckButton({ baselineId }: { baselineId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success" | "info"; text: string }>();
  return (
    <div className="space-y-2">
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setMessage(undefined);
            const result = await checkDrift({ baselineId });
            if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
            const { status, open, opened, resolved } = result.data;
            setMessage({
              tone: status === "failed" ? "error" : open === 0 ? "success" : "info",
              text: status === "failed" ? "The check failed; see the checks below." : open === 0 ? "No drift: reality matches the baseline." : `${open} open (${opened} new, ${resolved} resolved).`,
            });
            router.refresh();
          })
        }
      >
        {pending ? "Checking…" : "Run drift check"}
      </Button>
      {message && (
        <Notice tone={message.tone} testId="check-result">
          {message.text}
        </Notice>
      )}
    </div>
  );
}
