"use client";
import { autocompletion } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { json, jsonParseLinter } from "@codemirror/lang-json";
import { bracketMatching, defaultHighlightStyle, foldGutter, syntaxHighlighting } from "@codemirror/language";
import { linter, lintGutter } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers } from "@codemirror/view";
import { useEffect, useRef } from "react";
import type { InputKey } from "@/lib/nodes/input-keys";
import { documentNonce } from "@/lib/security/document-nonce";
import { templateCompletionSource } from "./template-completion";

/** Lets the owner replace the text (an import) without making the editor controlled. */
export interface JsonEditorController {
  setText(text: string): void;
}

export interface JsonEditorProps {
  initialText: string;
  /** Called with the whole text, at most every `debounceMs` while typing. */
  onChange?: (text: string) => void;
  label: string;
  readOnly?: boolean;
  debounceMs?: number;
  height?: string;
  controllerRef?: { current: JsonEditorController | null };
  testId?: string;
  /** Input-data keys offered inside `{{ }}` (the config editor); no completion without them. */
  templateKeys?: readonly InputKey[];
}

/**
 * CodeMirror with JSON highlighting and syntax checking. Uncontrolled on purpose: React never re-renders the
 * document, so a megabyte of input stays smooth; changes reach the owner debounced.
 */
export function JsonEditor({ initialText, onChange, label, readOnly = false, debounceMs = 250, height = "18rem", controllerRef, testId, templateKeys }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  // The latest callback without re-creating the editor on every render.
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const keysRef = useRef<readonly InputKey[]>(templateKeys ?? []);
  useEffect(() => {
    keysRef.current = templateKeys ?? [];
  }, [templateKeys]);
  const completes = templateKeys !== undefined;

  useEffect(() => {
    if (!host.current) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending = false;
    const flush = () => {
      if (!pending) return;
      pending = false;
      onChangeRef.current?.(view.state.doc.toString());
    };
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          lineNumbers(),
          foldGutter(),
          history(),
          bracketMatching(),
          ...(completes ? [autocompletion({ override: [templateCompletionSource(keysRef)], icons: false })] : []),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          json(),
          syntaxHighlighting(defaultHighlightStyle),
          linter(jsonParseLinter(), { delay: 400 }),
          lintGutter(),
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          EditorView.contentAttributes.of({ "aria-label": label, ...(testId ? { "data-testid": testId } : {}) }),
          // CodeMirror adds <style> elements; the page's CSP admits them with the page's nonce.
          EditorView.cspNonce.of(documentNonce() ?? ""),
          EditorView.theme({
            "&": { height, fontSize: "12px" },
            ".cm-scroller": { overflow: "auto", fontFamily: "ui-monospace, monospace" },
            // The gutter and cursor follow the page's text colour, so the dark theme has no light strip or lost cursor.
            ".cm-gutters": {
              backgroundColor: "transparent",
              color: "inherit",
              borderRight: "1px solid color-mix(in srgb, currentColor 20%, transparent)",
            },
            ".cm-gutterElement": { opacity: "0.65" },
            ".cm-cursor, .cm-dropCursor": { borderLeftColor: "currentColor" },
          }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            clearTimeout(timer);
            pending = true;
            timer = setTimeout(flush, debounceMs);
          }),
        ],
      }),
    });
    if (controllerRef) {
      controllerRef.current = {
        setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
      };
    }
    return () => {
      // Switching to the Form tab within the debounce must not lose the last keystrokes.
      clearTimeout(timer);
      flush();
      if (controllerRef) controllerRef.current = null;
      view.destroy();
    };
    // The editor is created once per mount; initialText only seeds it (the owner remounts it with a new key).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return <div ref={host} className="overflow-hidden rounded-md border border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-950" />;
}
