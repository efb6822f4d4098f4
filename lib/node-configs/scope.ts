// A node's scope parameters (JumpCloud's additionalFields.xOrgId), which every lookup through the credential passes
// along; values still holding a template wait for a run. Browser-safe.
import type { IntegrationDefinition } from "@/lib/integrations/types";
import type { JsonObject } from "@/lib/json/json-value";
import { hasTemplate } from "@/lib/nodes/templates";
import { readParameter } from "./parameter-paths";

export function scopeOf(integration: IntegrationDefinition | undefined, parameters: JsonObject): Record<string, unknown> {
  const scope: JsonObject = {};
  for (const path of integration?.scopeParameters ?? []) {
    const value = readParameter(parameters, [...path]);
    if (value === undefined || (typeof value === "string" && hasTemplate(value))) continue;
    let target = scope;
    path.slice(0, -1).forEach((segment) => {
      target[segment] ??= {};
      target = target[segment] as JsonObject;
    });
    target[path[path.length - 1]!] = value;
  }
  return scope;
}

/** The ids a result's records hold, by kind, as the integration reads them; bounded per kind. */
export function referencedIds(integration: IntegrationDefinition | undefined, items: readonly unknown[], perKind = 500): Record<string, string[]> {
  const byKind: Record<string, Set<string>> = {};
  const references = integration?.names?.references;
  if (!references) return {};
  for (const item of items) {
    for (const { kind, id } of references(item)) {
      const ids = (byKind[kind] ??= new Set());
      if (ids.size < perKind) ids.add(id);
    }
  }
  return Object.fromEntries(Object.entries(byKind).map(([kind, ids]) => [kind, [...ids].sort()]));
}
