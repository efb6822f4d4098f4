"use client";
import type { Locator, OperationDescription } from "@/lib/integrations/types";
import { hasTemplate } from "@/lib/nodes/templates";
import { useFieldContext } from "./field-context";
import { useResourceOptions } from "./resource-locator";

/** One object a write changes, by name when the credential's list (the picker's, cached) has it. */
function WriteTarget({ label, id, locator }: { label: string; id: string; locator: Locator }) {
  const { credentialId } = useFieldContext();
  const options = useResourceOptions(locator, "", credentialId !== undefined);
  const found = options.data?.options.find((option) => option.value === id);
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="font-medium">{label}</dt>
      <dd data-testid="write-target">
        {found ? (
          <>
            <span className="font-semibold">{found.label}</span> <span className="font-mono text-xs text-zinc-500">({id})</span>
          </>
        ) : (
          <span className="font-mono text-xs">{options.isFetching ? `${id} (looking up its name…)` : id}</span>
        )}
      </dd>
    </div>
  );
}

/** The objects a write names by id (its picker parameters), shown by name in its confirmation. */
export function WriteTargets({ op, parameters }: { op: OperationDescription; parameters: Record<string, unknown> }) {
  const targets = op.parameters.flatMap((parameter) => {
    const value = parameters[parameter.name];
    if (parameter.kind !== "resourceLocator" || !parameter.locator || parameter.locator.pick === "name") return [];
    if (typeof value !== "string" || value === "" || hasTemplate(value)) return [];
    return [{ label: parameter.label, id: value, locator: parameter.locator }];
  });
  if (targets.length === 0) return null;
  return (
    <dl className="space-y-1">
      {targets.map((target) => (
        <WriteTarget key={target.label} {...target} />
      ))}
    </dl>
  );
}
