"use client";
import { DEFAULT_ITEM_CONCURRENCY, MAX_ITEM_CONCURRENCY, perItemSettings, type NodeConfig } from "@/lib/nodes/node-config";

/** The node's per-item execution: off (one run for the whole input), or once per item of an array input. */
export function RunPerItemSettings({ config, onChange, readOnly }: { config: NodeConfig; onChange: (runPerItem: NodeConfig["runPerItem"]) => void; readOnly: boolean }) {
  const settings = perItemSettings(config);
  const update = (patch: { concurrency?: number; continueOnError?: boolean }) => {
    const next = { concurrency: settings?.concurrency ?? DEFAULT_ITEM_CONCURRENCY, continueOnError: settings?.continueOnError ?? false, ...patch };
    onChange(next.concurrency === DEFAULT_ITEM_CONCURRENCY && !next.continueOnError ? true : next);
  };
  return (
    <fieldset className="flex flex-wrap items-center gap-4 rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-700" data-testid="run-per-item">
      <legend className="px-1 text-xs text-zinc-500">Execution</legend>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={settings !== undefined} disabled={readOnly} onChange={(e) => onChange(e.target.checked ? true : undefined)} />
        Run once per input item (when the input data is a list)
      </label>
      {settings && (
        <>
          <label className="flex items-center gap-2">
            At once
            <input
              type="number"
              className="w-16 rounded border border-zinc-300 px-1 py-0.5 dark:border-zinc-600 dark:bg-zinc-900"
              min={1}
              max={MAX_ITEM_CONCURRENCY}
              value={settings.concurrency}
              disabled={readOnly}
              onChange={(e) => update({ concurrency: Math.min(MAX_ITEM_CONCURRENCY, Math.max(1, Math.floor(Number(e.target.value) || 1))) })}
            />
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={settings.continueOnError} disabled={readOnly} onChange={(e) => update({ continueOnError: e.target.checked })} />
            Continue on error (report a failed item beside the others)
          </label>
        </>
      )}
    </fieldset>
  );
}
