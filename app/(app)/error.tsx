"use client";
// A page that failed to render keeps the shell and offers a retry; details stay in the server log (the digest
// names the entry there), never in the browser.
import { Button } from "@/components/ui/button";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-xl space-y-3 rounded-lg border border-red-200 p-6 dark:border-red-900" role="alert" data-testid="page-error">
      <h1 className="text-lg font-semibold">This page could not be shown</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Something went wrong on the server while loading it. Try again; if it keeps failing, the server log has the details
        {error.digest ? (
          <>
            {" "}
            under <code className="font-mono">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
