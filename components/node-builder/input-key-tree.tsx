"use client";
import { useMemo } from "react";
import type { JsonValue } from "@/lib/json/json-value";
import { INPUT_KEYS_LIMIT, inputKeys, templateOf } from "@/lib/nodes/input-keys";
import { TEMPLATE_MIME } from "./expression-input";

/** The input data's keys as a tree; drag one onto a field to insert its `{{ template }}` there. */
export function InputKeyTree({ input }: { input: JsonValue | undefined }) {
  const keys = useMemo(() => inputKeys(input), [input]);
  if (keys.length === 0) return null;
  return (
    <details className="rounded-md border border-zinc-200 text-xs dark:border-zinc-700" open data-testid="input-key-tree">
      <summary className="cursor-pointer px-2 py-1 font-medium">Keys: drag one onto a field to insert its template</summary>
      <ul className="max-h-56 overflow-auto px-2 pb-2" aria-label="Input data keys to drag">
        {keys.map((key) => (
          <li key={key.path} style={{ paddingLeft: `${key.depth * 0.75}rem` }}>
            <span
              draggable
              role="button"
              tabIndex={0}
              title={`Drag onto a field to insert ${templateOf(key.path)}`}
              aria-label={`Insert ${templateOf(key.path)}`}
              className="inline-flex cursor-grab gap-2 rounded px-1 font-mono hover:bg-zinc-100 dark:hover:bg-zinc-800"
              data-key={key.path}
              onDragStart={(e) => {
                e.dataTransfer.setData(TEMPLATE_MIME, templateOf(key.path));
                e.dataTransfer.setData("text/plain", templateOf(key.path));
                e.dataTransfer.effectAllowed = "copy";
              }}
            >
              <span>{key.path.split(/(?=\.|\[)/).at(-1)?.replace(/^\./, "")}</span>
              <span className="text-zinc-500">{key.preview}</span>
            </span>
          </li>
        ))}
      </ul>
      {keys.length >= INPUT_KEYS_LIMIT && <p className="px-2 pb-2 text-zinc-500">Showing the first {INPUT_KEYS_LIMIT} keys.</p>}
    </details>
  );
}
