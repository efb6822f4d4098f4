"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { captureBaseline } from "@/app/actions/capture-baseline";
import { fetchPicker } from "@/components/node-builder/picker-fetch";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { SelectField, TextField } from "@/components/ui/field";
import type { ResourceOption } from "@/lib/integrations/types";

type Schedule = "none" | "every15min" | "hourly";

/** Capture: a name, a credential, the policies (loaded through the credential) and an optional check schedule. */
export function CaptureBaselineForm({ credentials }: { credentials: Array<{ id: string; name: string }> }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [credentialId, setCredentialId] = useState("");
  const [policies, setPolicies] = useState<ResourceOption[] | null>(null);
  const [limited, setLimited] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [search, setSearch] = useState("");
  const [schedule, setSchedule] = useState<Schedule>("none");
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [pending, startTransition] = useTransition();

  const load = async (id: string) => {
    setCredentialId(id);
    setPolicies(null);
    setChosen(new Set());
    setError(undefined);
    if (!id) return;
    setLoading(true);
    try {
      const query = new URLSearchParams({ credentialId: id, resource: "policy", operation: "list" });
      const result = await fetchPicker<{ options: ResourceOption[]; limited: boolean }>(`/api/builder/options?${query}`);
      setPolicies(result.options);
      setLimited(result.limited);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The policies could not be loaded.");
    } finally {
      setLoading(false);
    }
  };

  const shown = useMemo(() => (policies ?? []).filter((p) => p.label.toLowerCase().includes(search.trim().toLowerCase())), [policies, search]);
  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const submit = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await captureBaseline({
        name,
        credentialId,
        policyIds: [...chosen],
        schedule: schedule === "none" ? null : { kind: schedule, timezone: "UTC" },
      });
      if (result.ok) router.push(`/baselines/${result.data.id}`);
      else setError(result.error.message);
    });

  return (
    <Card className="space-y-4" data-testid="capture-baseline">
      <h2 className="text-lg font-semibold">Capture a baseline</h2>
      <div className="grid gap-4 md:grid-cols-3">
        <TextField label="Baseline name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Windows security baseline" />
        <SelectField label="Credential" value={credentialId} onChange={(e) => void load(e.target.value)}>
          <option value="">Choose a credential…</option>
          {credentials.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Drift checks" value={schedule} onChange={(e) => setSchedule(e.target.value as Schedule)}>
          <option value="none">On demand only</option>
          <option value="every15min">Every 15 minutes</option>
          <option value="hourly">Every hour</option>
        </SelectField>
      </div>
      {loading && <p className="text-sm text-zinc-500">Loading policies…</p>}
      {policies && (
        <div className="space-y-2">
          <TextField label="Filter policies" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Windows" />
          <p className="text-xs text-zinc-500">
            {chosen.size} of {policies.length} chosen{limited ? " (the list was cut short: narrow it with the filter)" : ""}
          </p>
          <ul className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-zinc-200 p-2 dark:border-zinc-800" aria-label="Policies">
            {shown.map((p) => (
              <li key={p.value}>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" aria-label={p.label} checked={chosen.has(p.value)} onChange={() => toggle(p.value)} />
                  <span>{p.label}</span>
                  {p.detail && <span className="text-xs text-zinc-500">{p.detail}</span>}
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      <Button disabled={pending || !name.trim() || !credentialId || chosen.size === 0} onClick={submit}>
        {pending ? "Capturing…" : "Capture baseline"}
      </Button>
    </Card>
  );
}
