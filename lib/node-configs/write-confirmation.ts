// The sentence a run of a write operation is confirmed with, naming what will change. Browser-safe.
import { findOperation } from "@/lib/integrations/jumpcloud/operations";

function show(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const ref = value as { id?: unknown; name?: unknown };
    if (typeof ref.id === "string") return ref.id;
    if (typeof ref.name === "string") return ref.name;
  }
  return value === undefined ? "?" : JSON.stringify(value);
}

const TARGET = { system: "system", system_group: "system group", user: "user", user_group: "user group" } as Record<string, string>;

/**
 * What a run will change, from the resolved parameters (templates already filled in), or null when the
 * operation only reads.
 */
export function describeWrite(resource: string, operation: string, parameters: Record<string, unknown>): string | null {
  const op = findOperation(resource, operation);
  if (!op || op.method === "GET") return null;
  const policyId = show(parameters.policyId ?? parameters.id);
  const data = (parameters.policyData ?? {}) as Record<string, unknown>;
  switch (`${resource}.${operation}`) {
    case "policy.create":
      return `Create policy '${show(data.name)}' from template ${show(data.template)}`;
    case "policy.update": {
      const changed = Object.keys(data);
      return `Update policy ${policyId}${changed.length > 0 ? ` (${changed.join(", ")})` : ""}`;
    }
    case "policy.delete":
      return `Delete policy ${policyId}`;
    case "policyAssociation.manage": {
      const a = (parameters.associationData ?? {}) as Record<string, unknown>;
      const target = `${TARGET[String(a.type)] ?? show(a.type)} ${show(a.id)}`;
      if (a.op === "remove") return `Remove the association of policy ${policyId} with ${target}`;
      if (a.op === "update") return `Update the association of policy ${policyId} with ${target}`;
      return `Associate policy ${policyId} with ${target}`;
    }
    default:
      return `${op.label} ${resource} (${op.method} ${op.path})`;
  }
}
