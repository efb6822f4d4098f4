"use client";
import { useMemo } from "react";
import { hasTemplate, previewTemplate } from "@/lib/nodes/templates";
import { useFieldContext } from "./field-context";

/** Under a field holding `{{ template }}` text: each segment resolved against the input, errors where they occur. */
export function TemplatePreview({ text, path }: { text: string; path: string }) {
  const { input } = useFieldContext();
  const segments = useMemo(() => (hasTemplate(text) ? previewTemplate(text, input, path) : []), [text, input, path]);
  if (segments.length === 0) return null;
  return (
    <p className="rounded bg-zinc-50 px-2 py-1 font-mono text-xs break-all dark:bg-zinc-800" data-testid={`template-preview-${path}`}>
      {segments.map((segment) =>
        segment.kind === "literal" ? (
          <span key={segment.start}>{segment.text}</span>
        ) : segment.ok ? (
          <span key={segment.start} className="rounded bg-green-100 px-0.5 text-green-900 dark:bg-green-950 dark:text-green-200" title={segment.source}>
            {segment.text}
          </span>
        ) : (
          <span key={segment.start} className="rounded bg-red-100 px-0.5 text-red-800 dark:bg-red-950 dark:text-red-200" title={segment.error.message}>
            [{segment.error.code === "missingVariable" ? `missing: ${segment.expression}` : segment.error.message}]
          </span>
        ),
      )}
    </p>
  );
}
