// Which policies a monitor watches: all of them, chosen ones by id, or those whose name matches a filter
// (case-insensitive; `*` matches any text, and without `*` the filter matches names that contain it).
import { z } from "zod";

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

export const scopeInputSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("all") }).strict(),
    z
      .object({
        kind: z.literal("policies"),
        policyIds: z
          .array(z.string().trim().regex(OBJECT_ID, "each policy id must be a JumpCloud ObjectID (24 hexadecimal characters)"))
          .min(1, "choose at least one policy")
          .max(1000, "at most 1,000 policies; use a name filter or all policies for more")
          .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
      })
      .strict(),
    z.object({ kind: z.literal("nameFilter"), pattern: z.string().trim().min(1, "enter a name filter, e.g. Windows*").max(200) }).strict(),
  ],
  { error: "scope.kind must be all, policies or nameFilter" },
);
export type ScopeInput = z.infer<typeof scopeInputSchema>;

export function scopeFromStored(stored: { scopeKind: string; scopePolicyIds: string[]; scopePattern: string | null }): ScopeInput {
  if (stored.scopeKind === "policies") return { kind: "policies", policyIds: stored.scopePolicyIds };
  if (stored.scopeKind === "nameFilter") return { kind: "nameFilter", pattern: stored.scopePattern ?? "" };
  return { kind: "all" };
}

export function scopeToStored(scope: ScopeInput): { scopeKind: string; scopePolicyIds: string[]; scopePattern: string | null } {
  return {
    scopeKind: scope.kind,
    scopePolicyIds: scope.kind === "policies" ? scope.policyIds : [],
    scopePattern: scope.kind === "nameFilter" ? scope.pattern : null,
  };
}

function namePattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(pattern.includes("*") ? `^${escaped}$` : escaped, "i");
}

export function matchesScope(scope: ScopeInput, policy: { id: string; name: string }): boolean {
  if (scope.kind === "all") return true;
  if (scope.kind === "policies") return scope.policyIds.includes(policy.id.toLowerCase());
  return namePattern(scope.pattern).test(policy.name);
}
