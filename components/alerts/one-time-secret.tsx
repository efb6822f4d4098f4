"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** A signing secret shown once, with a copy button; it cannot be shown again. */
export function OneTimeSecret({ heading, secret, testId }: { heading: string; secret: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Notice tone="success" testId={testId}>
      <p>{heading} Copy the signing secret now: it is shown only once. Receivers verify each alert&apos;s webhook-signature with it.</p>
      <div className="mt-2 flex items-center gap-2">
        <code className="block flex-1 overflow-x-auto rounded bg-white/60 px-2 py-1 font-mono text-xs select-all dark:bg-black/30" data-testid={`${testId}-value`}>
          {secret}
        </code>
        <Button variant="secondary" onClick={() => void navigator.clipboard.writeText(secret).then(() => setCopied(true))}>
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </Notice>
  );
}
