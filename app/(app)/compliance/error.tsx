"use client";
// The compliance figures could not be read (the database or a query failed): the navigation stays, and a retry
// is one click. Details stay in the server log under the digest.
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";

export default function ComplianceError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-xl space-y-3 rounded-lg border border-red-200 p-6 dark:border-red-900" role="alert" data-testid="compliance-error">
      <h1 className="text-lg font-semibold">Compliance could not be loaded</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Reading the snapshots failed on the server. The monitors keep running; try again in a moment
        {error.digest ? (
          <>
            {" "}
            (server log entry <code className="font-mono">{error.digest}</code>)
          </>
        ) : null}
        .
      </p>
      <div className="flex gap-2">
        <Button onClick={reset}>Try again</Button>
        <ButtonLink variant="ghost" href="/monitors">
          Monitors
        </ButtonLink>
      </div>
    </div>
  );
}
