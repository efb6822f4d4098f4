"use client";
import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { controlClass } from "@/components/ui/field";
import { formatConfig, formatExport, parseConfigText, parseInputText, type PlatformConfig } from "@/lib/node-configs/config-text";
import type { JsonValue, NodeIssue } from "@/lib/json/json-value";
import { inputKeys } from "@/lib/nodes/input-keys";
import type { CredentialReference } from "@/lib/nodes/node-config";

const JsonEditor = dynamic(() => import("./json-editor").then((m) => m.JsonEditor), {
  ssr: false,
  loading: () => <div className="h-72 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800" />,
});

function Issues({ issues, testId }: { issues: readonly NodeIssue[]; testId: string }) {
  if (issues.length === 0) return null;
  return (
    <ul className="space-y-1 text-xs text-red-600 dark:text-red-400" data-testid={testId} role="alert">
      {issues.map((issue, index) => (
        <li key={index}>
          {issue.path && <span className="font-mono">{issue.path}: </span>}
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * The config as platform JSON, editable. Valid edits replace the config (and so the form); invalid text stays
 * in the editor with its problems listed, and the form keeps the last valid config.
 */
export function ConfigJsonTab({ config, onConfig, readOnly, input }: { config: PlatformConfig; onConfig: (config: PlatformConfig) => void; readOnly: boolean; input: JsonValue | undefined }) {
  const [issues, setIssues] = useState<NodeIssue[]>([]);
  const templateKeys = useMemo(() => inputKeys(input), [input]);
  // Seeded once per mount: the tab remounts whenever it is opened, so it always starts from the form's state.
  const [initialText] = useState(() => formatConfig(config));
  return (
    <div className="space-y-2">
      <JsonEditor
        initialText={initialText}
        label="Node config JSON"
        readOnly={readOnly}
        testId="config-editor"
        templateKeys={templateKeys}
        onChange={(text) => {
          const parsed = parseConfigText(text);
          if (parsed.ok) {
            setIssues([]);
            onConfig(parsed.config);
          } else setIssues(parsed.issues);
        }}
      />
      <Issues issues={issues} testId="config-issues" />
    </div>
  );
}

export interface Imported {
  config: PlatformConfig;
  credential?: CredentialReference;
  inputText?: string;
}

/** Paste (or load from files) a node config in the platform's format and, optionally, its input data. */
export function ImportDialog({ open, onClose, onImport }: { open: boolean; onClose: () => void; onImport: (imported: Imported) => void }) {
  const [configText, setConfigText] = useState("");
  const [inputText, setInputText] = useState("");
  const [issues, setIssues] = useState<NodeIssue[]>([]);
  const load = (set: (text: string) => void) => async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) set(await file.text());
    e.target.value = "";
  };
  const submit = () => {
    const parsed = parseConfigText(configText);
    const input = inputText.trim() === "" ? undefined : parseInputText(inputText);
    const problems = [...(parsed.ok ? [] : parsed.issues), ...(input && !input.ok ? input.issues : [])];
    setIssues(problems);
    if (!parsed.ok || problems.length > 0) return;
    // An exported file brings its input; text typed in the input box wins over it.
    const exportedInput = !input && parsed.input !== undefined ? JSON.stringify(parsed.input, null, 2) : undefined;
    onImport({ config: parsed.config, ...(parsed.credential ? { credential: parsed.credential } : {}), ...(input ? { inputText } : exportedInput ? { inputText: exportedInput } : {}) });
    setConfigText("");
    setInputText("");
  };
  return (
    <Dialog open={open} title="Import node config" onClose={onClose}>
      <label className="block space-y-1">
        <span className="font-medium">Node config JSON</span>
        <textarea className={`${controlClass} font-mono text-xs`} rows={8} value={configText} onChange={(e) => setConfigText(e.target.value)} placeholder='{ "integration_service": "jumpcloud", ... }' />
      </label>
      <label className="block text-xs underline">
        Load config file
        <input type="file" accept="application/json,.json" className="sr-only" onChange={load(setConfigText)} />
      </label>
      <label className="block space-y-1">
        <span className="font-medium">Input data JSON (optional)</span>
        <textarea className={`${controlClass} font-mono text-xs`} rows={5} value={inputText} onChange={(e) => setInputText(e.target.value)} />
      </label>
      <Issues issues={issues} testId="import-issues" />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={submit}>Import</Button>
      </div>
    </Dialog>
  );
}

/**
 * Copy the platform JSON, or export a file named after the node that also holds the sample input and names the
 * credential (the HTTP API's run request; Import restores all three).
 */
export function ExportButtons({ config, name, credentialName, input }: { config: PlatformConfig; name: string; credentialName: string | undefined; input: JsonValue | undefined }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <Button
        variant="ghost"
        onClick={() => {
          void navigator.clipboard?.writeText(formatConfig(config)).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          });
        }}
      >
        {copied ? "Copied" : "Copy JSON"}
      </Button>
      <Button
        variant="ghost"
        title="Download the node with its sample input and credential name, as the HTTP API runs it"
        onClick={() => {
          const url = URL.createObjectURL(new Blob([formatExport(config, { credentialName, input })], { type: "application/json" }));
          const link = document.createElement("a");
          link.href = url;
          link.download = `${(name.trim() || `${config.resource}-${config.operation}`).replace(/[^\w.-]+/g, "-")}.json`;
          link.click();
          URL.revokeObjectURL(url);
        }}
      >
        Export
      </Button>
    </>
  );
}
