"use client";
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import type { Locator, ResourceOption } from "@/lib/integrations/types";
import { pickerUrl } from "@/lib/node-configs/picker-request";
import { ExpressionInput } from "./expression-input";
import { useFieldContext } from "./field-context";
import { fetchPicker } from "./picker-fetch";

/** Loads one page of candidates through the credential; cached per credential, list, scope and search text. */
export function useResourceOptions(locator: Locator, search: string, enabled: boolean) {
  const { credentialId, scope } = useFieldContext();
  const scopeText = JSON.stringify(scope);
  return useQuery({
    queryKey: ["resource-options", credentialId ?? "", locator.resource, locator.operation, scopeText, search],
    enabled: enabled && credentialId !== undefined,
    queryFn: ({ signal }) =>
      fetchPicker<{ options: ResourceOption[]; limited: boolean }>(
        pickerUrl("/api/builder/options", { credentialId, resource: locator.resource, operation: locator.operation, search, scope: scopeText }),
        signal,
      ),
  });
}

/**
 * n8n's resource locator: type an id (or a `{{ template }}`), or open the list loaded through the credential
 * and pick one. `pick` says which property of the picked record goes into the parameter.
 */
export function ResourceLocator({
  id,
  label,
  value,
  onChange,
  locator,
  placeholder,
  a11y,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  locator: Locator;
  placeholder?: string;
  a11y: { "aria-invalid": boolean; "aria-describedby"?: string };
}) {
  const { credentialId, readOnly } = useFieldContext();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search.trim());
  const options = useResourceOptions(locator, deferredSearch, open);
  const choose = (option: ResourceOption) => {
    onChange(locator.pick === "name" ? (option.name ?? option.label) : option.value);
    setOpen(false);
  };

  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        <ExpressionInput id={id} value={value} placeholder={placeholder} onChange={onChange} {...a11y} />
        {!readOnly && (
          <Button
            variant="secondary"
            disabled={!credentialId}
            title={credentialId ? undefined : "Choose a credential to load the list"}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={`Pick ${label} from a list`}
          >
            List
          </Button>
        )}
      </div>
      {open && (
        <div className="rounded-md border border-zinc-200 p-2 dark:border-zinc-700" data-testid={`locator-${label}`}>
          <input
            className={controlClass}
            placeholder="Search by name"
            aria-label={`Search ${label}`}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            autoFocus
          />
          {options.isPending && <p className="p-2 text-xs text-zinc-500">Loading…</p>}
          {options.isError && (
            <p role="alert" className="p-2 text-xs text-red-700 dark:text-red-300">
              {options.error.message}
            </p>
          )}
          {options.data && (
            <ul role="listbox" aria-label={`${label} options`} className="mt-2 max-h-60 overflow-auto text-sm">
              {options.data.options.length === 0 && <li className="p-2 text-xs text-zinc-500">Nothing matches.</li>}
              {options.data.options.map((option) => (
                <li key={option.value} role="option" aria-selected={option.value === value || option.name === value}>
                  <button type="button" className="w-full rounded px-2 py-1 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800" onClick={() => choose(option)}>
                    <span className="font-medium">{option.label}</span>
                    <span className="block font-mono text-xs text-zinc-500">
                      {option.value}
                      {option.detail ? ` · ${option.detail}` : ""}
                    </span>
                  </button>
                </li>
              ))}
              {options.data.limited && <li className="p-2 text-xs text-zinc-500">Showing the first 100; type to narrow the list.</li>}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
