// What a run of a write operation will change, for its confirmation: the operation's own words when its entry
// gives them, otherwise its label and upstream call. Browser-safe.
import type { OperationDescription, WriteDescription } from "@/lib/integrations/types";

/** From the resolved parameters (templates already filled in), or null when the operation only reads. */
export function describeWrite(op: OperationDescription, parameters: Record<string, unknown>): WriteDescription | null {
  if (!op.writes) return null;
  return (
    op.describeWrite?.(parameters) ?? {
      action: `${op.label} ${op.resource}`,
      summary: `${op.label} ${op.resource} (${op.endpoint.method} ${op.endpoint.path})`,
      destructive: op.endpoint.method === "DELETE",
    }
  );
}
