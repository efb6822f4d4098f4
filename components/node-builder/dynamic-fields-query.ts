// The one query for a dynamic-fields parameter's fields (a policy template's config fields): the editor shows them as
// a form and the preview checks the values against them, sharing one cached request.
import { useQueries } from "@tanstack/react-query";
import type { DynamicFieldSet, OperationDescription, ParameterSpec } from "@/lib/integrations/types";
import { isPlainObject, type JsonObject, type JsonValue } from "@/lib/json/json-value";
import { readParameter } from "@/lib/node-configs/parameter-paths";
import { pickerUrl } from "@/lib/node-configs/picker-request";
import { hasTemplate } from "@/lib/nodes/templates";
import { fetchPicker } from "./picker-fetch";

/** The value the fields depend on (a template's id or name), once it is a plain value rather than a template. */
export function dependencyKey(value: JsonValue | undefined): string | undefined {
  if (typeof value === "string") return value.trim() === "" || hasTemplate(value) ? undefined : value.trim();
  if (isPlainObject(value)) return typeof value.id === "string" ? value.id : typeof value.name === "string" ? value.name : undefined;
  return undefined;
}

export function dynamicFieldsQuery(source: NonNullable<ParameterSpec["dynamicFields"]>, credentialId: string | undefined, dependency: string | undefined, scopeText: string) {
  return {
    queryKey: ["dynamic-fields", credentialId ?? "", source.loader, dependency ?? "", scopeText],
    enabled: credentialId !== undefined && dependency !== undefined,
    staleTime: 5 * 60_000,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      fetchPicker<DynamicFieldSet>(pickerUrl("/api/builder/fields", { credentialId, loader: source.loader, value: dependency, scope: scopeText }), signal),
  };
}

function dynamicSpecs(specs: readonly ParameterSpec[], base: string[] = []): Array<{ spec: ParameterSpec; path: string[] }> {
  return specs.flatMap((spec) => [...(spec.dynamicFields ? [{ spec, path: [...base, spec.name] }] : []), ...dynamicSpecs(spec.children ?? [], [...base, spec.name])]);
}

/** The loaded field sets of the operation's dynamic-fields parameters, by path, for the preview's value check. */
export function useDynamicFieldSets(op: OperationDescription | undefined, parameters: JsonObject, credentialId: string | undefined, scope: Record<string, unknown>): Record<string, DynamicFieldSet> {
  const specs = op ? dynamicSpecs(op.parameters) : [];
  const scopeText = JSON.stringify(scope);
  const results = useQueries({
    queries: specs.map(({ spec, path }) =>
      dynamicFieldsQuery(spec.dynamicFields!, credentialId, dependencyKey(readParameter(parameters, [...path.slice(0, -1), spec.dynamicFields!.dependsOn])), scopeText),
    ),
  });
  const sets: Record<string, DynamicFieldSet> = {};
  results.forEach((result, index) => {
    if (result.data && specs[index]) sets[specs[index].path.join(".")] = result.data;
  });
  return sets;
}
