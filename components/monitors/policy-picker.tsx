"use client";
// Chooses policies for a monitor's scope: searched through the credential (server-side, bounded), ticked into a list
// that keeps each chosen policy's name.
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { fetchPicker } from "@/components/node-builder/picker-fetch";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import type { ResourceOption } from "@/lib/integrations/types";

export interface ChosenPolicy {
  id: string;
  name: string;
}

export function PolicyPicker({ credentialId, orgId, value, onChange }: { credentialId: string; orgId: string; value: ChosenPolicy[]; onChange: (next: ChosenPolicy[]) => void }) {
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const validOrg = orgId === "" || /^[0-9a-fA-F]{24}$/.test(orgId);
  const query = useQuery({
    queryKey: ["monitor-policies", credentialId, orgId, deferred],
    enabled: credentialId !== "" && validOrg,
    queryFn: ({ signal }) =>
      fetchPicker<{ options: ResourceOption[]; limited: boolean }>(
        `/api/compliance/policy-options?${new URLSearchParams({ credentialId, ...(orgId ? { orgId } : {}), ...(deferred ? { search: deferred } : {}) })}`,
        signal,
      ),
  });
  const chosen = new Set(value.map((policy) => policy.id));
  const toggle = (option: ResourceOption) =>
    onChange(chosen.has(option.value) ? value.filter((p) => p.id !== option.value) : [...value, { id: option.value, name: option.label }]);

  if (credentialId === "") return <p className="text-sm text-zinc-500">Choose a credential first; its policies are listed here.</p>;
  return (
    <div className="space-y-2" data-testid="policy-picker">
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Chosen policies">
          {value.map((policy) => (
            <li key={policy.id} className="flex items-center gap-1 rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-700 dark:bg-zinc-800 dark:text-brand-50">
              {policy.name}
              <Button variant="ghost" className="px-1 py-0" aria-label={`Remove ${policy.name}`} onClick={() => onChange(value.filter((p) => p.id !== policy.id))}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <input className={controlClass} type="search" placeholder="Search policies by name" aria-label="Search policies" value={search} onChange={(event) => setSearch(event.target.value)} />
      {query.isPending && query.fetchStatus !== "idle" ? (
        <p className="text-sm text-zinc-500" role="status">Loading policies…</p>
      ) : query.isError ? (
        <p className="text-sm text-red-600" role="alert">{query.error.message}</p>
      ) : query.data && query.data.options.length === 0 ? (
        <p className="text-sm text-zinc-500">No policy matches{deferred ? ` “${deferred}”` : ""}.</p>
      ) : query.data ? (
        <div className="max-h-56 overflow-y-auto rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
          {query.data.options.map((option) => (
            <label key={option.value} className="flex items-center gap-2 py-0.5 text-sm">
              <input type="checkbox" checked={chosen.has(option.value)} onChange={() => toggle(option)} />
              {option.label}
              {option.detail && <span className="text-xs text-zinc-500">{option.detail}</span>}
            </label>
          ))}
          {query.data.limited && <p className="pt-1 text-xs text-zinc-500">More policies exist; search to narrow the list.</p>}
        </div>
      ) : null}
    </div>
  );
}
