"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from "react";
import { runNode } from "@/app/actions/run-node";
import { saveNodeConfig } from "@/app/actions/save-node-config";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { controlClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Tabs } from "@/components/ui/tabs";
import { findOperation, getIntegration } from "@/lib/integrations/registry";
import type { IntegrationDefinition, WriteDescription } from "@/lib/integrations/types";
import { parseInputText, type PlatformConfig } from "@/lib/node-configs/config-text";
import { applyIssueFix } from "@/lib/node-configs/issue-fix";
import { previewNode, type CredentialChoice } from "@/lib/node-configs/live-preview";
import { scopeOf } from "@/lib/node-configs/scope";
import type { RunOutcome } from "@/lib/node-configs/run-outcome";
import { describeWrite } from "@/lib/node-configs/write-confirmation";
import type { JsonObject, JsonValue, NodeIssue } from "@/lib/json/json-value";
import type { JsonEditorController } from "./json-editor";
import { ConfigJsonTab, ImportDialog, ExportButtons } from "./config-transfer";
import { RunPerItemSettings } from "./run-per-item-settings";
import { useDynamicFieldSets } from "./dynamic-fields-query";
import { FieldContext } from "./field-context";
import { InputKeyTree } from "./input-key-tree";
import { ParameterForm } from "./parameter-form";
import { PreviewPanel } from "./preview-panel";
import { useLeaveGuard } from "./use-leave-guard";
import { WriteTargets } from "./write-targets";

// CodeMirror and the result table load after the page: they are not needed for the first paint.
const JsonEditor = dynamic(() => import("./json-editor").then((m) => m.JsonEditor), {
  ssr: false,
  loading: () => <div className="h-72 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800" />,
});
const RunResult = dynamic(() => import("@/components/runs/run-result").then((m) => m.RunResult), { ssr: false });

export interface BuilderInitial {
  id?: string;
  name: string;
  version?: number;
  credentialId: string | null;
  config: PlatformConfig;
  sampleInputText: string;
}

const InputEditor = memo(function InputEditor({
  initialText,
  onText,
  readOnly,
  controllerRef,
}: {
  initialText: string;
  onText: (text: string) => void;
  readOnly: boolean;
  controllerRef: { current: JsonEditorController | null };
}) {
  return <JsonEditor initialText={initialText} onChange={onText} label="Input data" readOnly={readOnly} debounceMs={300} controllerRef={controllerRef} testId="input-editor" />;
});

const authLabel = (integration: IntegrationDefinition | undefined, authType: string) => integration?.authTypes.find((t) => t.id === authType)?.label ?? authType;

export function NodeBuilder({
  initial,
  services,
  credentials: allCredentials,
  allowedOrigins,
  canEdit,
}: {
  initial: BuilderInitial;
  /** The integration services this server offers. */
  services: string[];
  credentials: CredentialChoice[];
  allowedOrigins: string[];
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(initial.name);
  const [credentialId, setCredentialId] = useState(initial.credentialId ?? "");
  const [config, setConfig] = useState<PlatformConfig>(initial.config);
  const [input, setInput] = useState<JsonValue | undefined>(() => {
    const parsed = parseInputText(initial.sampleInputText);
    return parsed.ok ? parsed.input : undefined;
  });
  const [inputIssues, setInputIssues] = useState<NodeIssue[]>(() => {
    const parsed = parseInputText(initial.sampleInputText);
    return parsed.ok ? [] : parsed.issues;
  });
  const [tab, setTab] = useState<"form" | "json">("form");
  const [importOpen, setImportOpen] = useState(false);
  const [confirming, setConfirming] = useState<WriteDescription | null>(null);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  // Counts finished runs, so a reader (or a test) can tell a new result from the previous one.
  const [runsFinished, setRunsFinished] = useState(0);
  const inputController = useRef<JsonEditorController | null>(null);
  const inputTextRef = useRef(initial.sampleInputText);

  // What was last saved (or loaded): leaving with anything else asks first.
  const snapshot = () => JSON.stringify([name, credentialId, config, inputTextRef.current]);
  const [loadedSnapshot] = useState(() => JSON.stringify([initial.name, initial.credentialId ?? "", initial.config, initial.sampleInputText]));
  const savedSnapshot = useRef(loadedSnapshot);
  const leaveGuard = useLeaveGuard(() => canEdit && snapshot() !== savedSnapshot.current);

  const readOnly = !canEdit;
  const integration = getIntegration(config.integration_service);
  const credential = allCredentials.find((c) => c.id === credentialId && c.service === config.integration_service);
  const op = integration ? findOperation(integration, config.resource, config.operation) : undefined;

  // Typing stays responsive: the preview follows a step behind when it has a lot to do.
  const deferredConfig = useDeferredValue(config);
  const deferredInput = useDeferredValue(input);
  const pickerCredentialId = canEdit && credential ? credential.id : undefined;
  const scope = useMemo(() => scopeOf(integration, config.parameters), [integration, config.parameters]);
  const fieldSets = useDynamicFieldSets(op, config.parameters, pickerCredentialId, scope);
  const fieldSetsKey = JSON.stringify(fieldSets);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content: the hook returns a new object each render
  const stableFieldSets = useMemo(() => fieldSets, [fieldSetsKey]);
  const preview = useMemo(
    () => previewNode(deferredConfig, deferredInput, credential, allowedOrigins, stableFieldSets),
    [deferredConfig, deferredInput, credential, allowedOrigins, stableFieldSets],
  );

  const onInputText = useCallback((text: string) => {
    inputTextRef.current = text;
    const parsed = parseInputText(text);
    if (parsed.ok) {
      setInput(parsed.input);
      setInputIssues([]);
    } else setInputIssues(parsed.issues);
  }, []);

  const replaceInput = (text: string) => {
    inputController.current?.setText(text);
    onInputText(text);
  };

  const setParameters = (parameters: JsonObject) => setConfig((c) => ({ ...c, parameters }));
  const operationsOf = (resource: string) => integration?.operations.filter((o) => o.resource === resource) ?? [];
  const chooseOperation = (resource: string, operation: string) => {
    const next = integration ? findOperation(integration, resource, operation) : undefined;
    if (!next) return;
    // Keep the values the new operation also takes.
    const names = new Set(next.parameters.map((p) => p.name));
    setConfig((c) => ({ ...c, resource, operation, parameters: Object.fromEntries(Object.entries(c.parameters).filter(([key]) => names.has(key))) }));
  };

  const chooseIntegration = (id: string) => {
    const first = getIntegration(id)?.operations[0];
    if (!first) return;
    setConfig({ integration_service: id, resource: first.resource, operation: first.operation, parameters: {} });
    setCredentialId(allCredentials.find((c) => c.service === id)?.id ?? "");
  };

  const authProblem =
    credential && op && !op.authTypes.includes(credential.authType)
      ? `${authLabel(integration, credential.authType)} credentials cannot run ${op.resource} ${op.operation}: ${integration?.label} accepts ${op.authTypes
          .map((t) => authLabel(integration, t))
          .join(" or ")} for it.`
      : null;

  // The saved node's id and version as of the last finished save, and the save in flight. Refs, not state: a run
  // started while a save is pending (or before React re-rendered after it) must still be recorded under the node.
  const saved = useRef({ id: initial.id, version: initial.version });
  const pendingSave = useRef<Promise<unknown> | null>(null);

  const save = useMutation({
    mutationFn: async () => {
      const form = { name, config, credentialId: credentialId || null, sampleInput: inputIssues.length === 0 ? (input ?? null) : null };
      const { id, version: expectedVersion } = saved.current;
      const snapshotOfSave = snapshot();
      const saving = saveNodeConfig(id && expectedVersion ? { ...form, id, expectedVersion } : form).then((result) => {
        if (!result.ok) throw new Error(result.error.message);
        saved.current = { id: result.data.id, version: result.data.version };
        return { ...result.data, created: !id, snapshot: snapshotOfSave };
      });
      pendingSave.current = saving;
      try {
        return await saving;
      } finally {
        if (pendingSave.current === saving) pendingSave.current = null;
      }
    },
    onSuccess: (data) => {
      savedSnapshot.current = data.snapshot;
      setNotice({ tone: "success", text: `Saved "${data.name}".` });
      // Keep this builder (and its run result) mounted; the address now names the saved node.
      if (data.created) window.history.replaceState(null, "", `/node-builder/${data.id}`);
    },
    onError: (error) => setNotice({ tone: "error", text: error.message }),
  });

  const run = useMutation({
    mutationFn: async (): Promise<RunOutcome> => {
      // A run clicked right after Save waits for it, so it is recorded under the node (a failed save leaves it unsaved).
      await pendingSave.current?.catch(() => {});
      const nodeConfigId = saved.current.id;
      const result = await runNode({
        config,
        ...(input === undefined ? {} : { input }),
        ...(credentialId ? { credentialId } : {}),
        ...(nodeConfigId ? { nodeConfigId, nodeName: name } : name ? { nodeName: name } : {}),
      });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSettled: () => setRunsFinished((n) => n + 1),
    onSuccess: (outcome) => {
      // A write changes what the pickers list; reads leave the caches alone.
      if (outcome.status === "success" && op?.writes) void queryClient.invalidateQueries({ queryKey: ["resource-options"] });
    },
  });

  const startRun = () => {
    const write = op ? describeWrite(op, preview.resolved.parameters) : null;
    if (!write) {
      run.mutate();
      return;
    }
    // A change is confirmed only once it could run: not while the preview shows the config invalid.
    const problems = preview.resolved.issues.filter((issue) => issue.severity === "error").length;
    if (problems > 0 || !preview.plan) {
      setNotice({
        tone: "error",
        text: `Nothing was sent: fix ${problems > 0 ? `the ${problems === 1 ? "problem" : `${problems} problems`}` : "what"} the preview shows before running this change.`,
      });
      return;
    }
    setNotice(null);
    setConfirming(write);
  };

  const fieldContext = useMemo(
    () => ({ input: deferredInput, issues: preview.resolved.issues, readOnly, credentialId: pickerCredentialId, scope }),
    [deferredInput, preview.resolved.issues, readOnly, pickerCredentialId, scope],
  );

  return (
    <FieldContext.Provider value={fieldContext}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-end gap-3">
          <label className="block min-w-64 flex-1 space-y-1">
            <span className="text-sm font-medium">Node name</span>
            <input className={controlClass} value={name} readOnly={readOnly} onChange={(e) => setName(e.target.value)} placeholder="Create baseline policy" />
          </label>
          {canEdit && (
            <>
              <Button variant="secondary" onClick={() => setImportOpen(true)}>
                Import
              </Button>
              <Button variant="secondary" disabled={save.isPending || name.trim() === ""} onClick={() => save.mutate()}>
                {save.isPending ? "Saving…" : "Save"}
              </Button>
              <Button disabled={run.isPending} onClick={startRun}>
                {run.isPending ? "Running…" : "Run node"}
              </Button>
            </>
          )}
          <ExportButtons config={config} name={name} credentialName={credential?.name} input={inputIssues.length === 0 ? input : undefined} />
        </div>
        {readOnly && <Notice tone="info">You can view this node; running and saving need the editor role.</Notice>}
        {notice && <Notice tone={notice.tone} testId="builder-notice">{notice.text}</Notice>}

        <div className="grid gap-6 xl:grid-cols-2">
          <div className="space-y-4">
            <section className="grid gap-3 sm:grid-cols-3" aria-label="Operation">
              {services.length > 1 && (
                <label className="block space-y-1 sm:col-span-3">
                  <span className="text-sm font-medium">Integration</span>
                  <select className={controlClass} value={config.integration_service} disabled={readOnly} onChange={(e) => chooseIntegration(e.target.value)}>
                    {services.map((id) => (
                      <option key={id} value={id}>
                        {getIntegration(id)?.label ?? id}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <label className="block space-y-1">
                <span className="text-sm font-medium">Credential</span>
                <select className={controlClass} value={credentialId} disabled={readOnly} onChange={(e) => setCredentialId(e.target.value)}>
                  <option value="">(choose a credential)</option>
                  {allCredentials
                    .filter((c) => c.service === config.integration_service)
                    .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} · {authLabel(integration, c.authType)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="block space-y-1">
                <span className="text-sm font-medium">Resource</span>
                <select
                  className={controlClass}
                  value={config.resource}
                  disabled={readOnly}
                  onChange={(e) => chooseOperation(e.target.value, operationsOf(e.target.value)[0]?.operation ?? "")}
                >
                  {(integration?.resources ?? []).map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.label}
                    </option>
                  ))}
                </select>
              </label>
              <label className="block space-y-1">
                <span className="text-sm font-medium">Operation</span>
                <select className={controlClass} value={config.operation} disabled={readOnly} onChange={(e) => chooseOperation(config.resource, e.target.value)}>
                  {operationsOf(config.resource).map((o) => (
                    <option key={o.operation} value={o.operation}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </label>
              {op && <p className="text-sm text-zinc-600 sm:col-span-3 dark:text-zinc-400" data-testid="operation-description">{op.description}</p>}
              {authProblem && (
                <div className="sm:col-span-3">
                  <Notice tone="error" testId="auth-warning">{authProblem}</Notice>
                </div>
              )}
            </section>

            <Tabs
              label="Node config"
              tabs={[
                { id: "form", label: "Form" },
                { id: "json", label: "JSON" },
              ]}
              selected={tab}
              onSelect={setTab}
            >
              {tab === "form" ? (
                op ? (
                  <div className="space-y-4">
                    <ParameterForm op={op} parameters={config.parameters} onChange={setParameters} />
                    <RunPerItemSettings
                      config={config}
                      readOnly={readOnly}
                      onChange={(runPerItem) =>
                        setConfig(({ runPerItem: _previous, ...rest }) => (runPerItem === undefined ? rest : { ...rest, runPerItem }))
                      }
                    />
                  </div>
                ) : (
                  <Notice tone="error">
                    {integration ? `Unknown operation ${config.resource}.${config.operation}.` : `Unknown integration service "${config.integration_service}".`}
                  </Notice>
                )
              ) : (
                <ConfigJsonTab config={config} onConfig={setConfig} readOnly={readOnly} input={deferredInput} />
              )}
            </Tabs>

            <section aria-label="Input data" className="space-y-2">
              <div className="flex items-center justify-between">
                <h2 className="text-sm font-semibold">Input data</h2>
                {canEdit && (
                  <label className="cursor-pointer text-xs underline">
                    Load file
                    <input
                      type="file"
                      accept="application/json,.json"
                      className="sr-only"
                      aria-label="Load input data file"
                      onChange={async (e) => {
                        const file = e.target.files?.[0];
                        if (file) replaceInput(await file.text());
                        e.target.value = "";
                      }}
                    />
                  </label>
                )}
              </div>
              <p className="text-xs text-zinc-500">The upstream node&apos;s output: templates read it, and parameters are extracted from its top-level keys.</p>
              <InputEditor initialText={initial.sampleInputText} onText={onInputText} readOnly={readOnly} controllerRef={inputController} />
              {canEdit && <InputKeyTree input={deferredInput} />}
              {inputIssues.map((issue, index) => (
                <p key={index} className="text-xs text-red-600" data-testid="input-issue">
                  {issue.message}
                </p>
              ))}
            </section>
          </div>

          <div className="space-y-4">
            <PreviewPanel
              preview={preview}
              {...(canEdit
                ? {
                    fixFor: (issue: NodeIssue) => {
                      const fixed = applyIssueFix(config.parameters, issue);
                      return fixed ? () => setParameters(fixed) : undefined;
                    },
                  }
                : {})}
            />
            {(run.data || run.error) && (
              <section aria-label="Run result" className="space-y-2" data-testid="run-result" data-runs={runsFinished}>
                <h2 className="text-sm font-semibold">Run result</h2>
                {run.error ? <Notice tone="error">{run.error.message}</Notice> : run.data && <RunResult outcome={run.data} lookup={{ service: config.integration_service, credentialId: pickerCredentialId, scope }} />}
              </section>
            )}
          </div>
        </div>

        <ImportDialog
          open={importOpen}
          onClose={() => setImportOpen(false)}
          onImport={({ config: imported, credential, inputText }) => {
            setConfig(imported);
            if (credential !== undefined) {
              const found = allCredentials.find((c) => (typeof credential === "string" ? c.id === credential || c.name === credential : "id" in credential ? c.id === credential.id : c.name === credential.name));
              if (found) setCredentialId(found.id);
            }
            if (inputText !== undefined) replaceInput(inputText);
            setTab("form");
            setImportOpen(false);
          }}
        />
        <ConfirmDialog
          open={leaveGuard.leaving !== null}
          title="Leave without saving?"
          message={`Your changes to ${name.trim() || "this node"} are not saved and will be lost.`}
          confirmLabel="Leave without saving"
          cancelLabel="Stay on this page"
          danger
          onCancel={leaveGuard.stay}
          onConfirm={leaveGuard.leave}
        />
        <ConfirmDialog
          open={confirming !== null}
          title={confirming ? `${confirming.action}?` : ""}
          message={
            confirming && (
              <>
                <p>{confirming.summary}</p>
                {op && <WriteTargets op={op} parameters={preview.resolved.parameters} />}
              </>
            )
          }
          confirmLabel={confirming?.action ?? "Run"}
          danger={confirming?.destructive ?? false}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            run.mutate();
          }}
        />
      </div>
    </FieldContext.Provider>
  );
}
