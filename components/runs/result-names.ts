"use client";
import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { fetchPicker } from "@/components/node-builder/picker-fetch";
import { getIntegration } from "@/lib/integrations/registry";
import { pickerUrl } from "@/lib/node-configs/picker-request";
import { referencedIds } from "@/lib/node-configs/scope";

/** Names of the ids in a result, by kind and id, as ItemsTable shows them beside the ids. */
export interface ResultNames {
  service: string;
  byKind: Record<string, Record<string, string>>;
}

/**
 * Looks up the names of the ids the items hold (policy names, hostnames, group names) through the credential; the
 * server caches them, and so does the browser for the session. Empty until they arrive, or without a credential.
 */
export function useResultNames(service: string, credentialId: string | undefined, scope: Record<string, unknown>, items: readonly unknown[]): ResultNames {
  const integration = getIntegration(service);
  const ids = useMemo(() => referencedIds(integration, items), [integration, items]);
  const scopeText = JSON.stringify(scope);
  const kinds = Object.keys(ids);
  const results = useQueries({
    queries: kinds.map((kind) => ({
      queryKey: ["result-names", credentialId ?? "", scopeText, kind, ids[kind]!.join(",")],
      enabled: credentialId !== undefined,
      staleTime: 5 * 60_000,
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchPicker<{ names: Record<string, string> }>(pickerUrl("/api/builder/names", { credentialId, kind, ids: ids[kind]!.join(","), scope: scopeText }), signal),
    })),
  });
  const byKind: Record<string, Record<string, string>> = {};
  kinds.forEach((kind, index) => {
    const data = results[index]?.data;
    if (data) byKind[kind] = data.names;
  });
  return { service, byKind };
}
