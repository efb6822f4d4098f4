import type { Issue } from "@/lib/errors/app-error";

/** What a run warned about, beside its result: the items may not be what the node seems to ask for. */
export function RunWarnings({ warnings }: { warnings: readonly Issue[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" data-testid="run-warnings">
      {warnings.map((warning, index) => (
        <li key={index} data-code={warning.code}>
          <span className="font-mono">{warning.path || "(result)"}</span>: {warning.message}
        </li>
      ))}
    </ul>
  );
}
