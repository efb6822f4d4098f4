// Shown while a signed-in page's data loads: the shell stays, the content area says it is coming.
export default function Loading() {
  return (
    <div className="max-w-5xl space-y-4" role="status" aria-live="polite" data-testid="page-loading">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-56 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-40 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800/60" />
      <div className="h-24 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800/60" />
    </div>
  );
}
