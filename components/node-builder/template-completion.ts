// Autocompletion of input-data keys inside `{{ }}` in the JSON tab (CodeMirror 6), the same keys the form offers.
import type { CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import { matchingKeys, openTemplateAt, type InputKey } from "@/lib/nodes/input-keys";

/** A completion source reading the latest keys from `keys` (the editor outlives many inputs). */
export function templateCompletionSource(keys: { current: readonly InputKey[] }) {
  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const open = openTemplateAt(line.text, context.pos - line.from);
    if (!open || keys.current.length === 0) return null;
    const closed = /^\s*\}\}/.test(line.text.slice(context.pos - line.from));
    return {
      from: line.from + open.from,
      // The config is JSON: a quoted key's quotes are escaped inside the string.
      options: matchingKeys(keys.current, open.typed, 100).map((key) => ({ label: key.path, detail: key.preview, type: "property", apply: JSON.stringify(key.path).slice(1, -1) + (closed ? "" : " }}") })),
      validFor: /^[\w.$[\]"-]*$/,
    };
  };
}
