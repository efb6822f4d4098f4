"use client";
import { createContext, useContext } from "react";
import type { JsonValue, NodeIssue } from "@/lib/json/json-value";

/** What every generated field needs besides its own value: the input for template previews, the issues, the pickers. */
export interface FieldContextValue {
  input: JsonValue | undefined;
  issues: readonly NodeIssue[];
  readOnly: boolean;
  /** Set when lists can be loaded through a credential (an editor with a credential of this service chosen). */
  credentialId: string | undefined;
  /** The node's scope parameters (the integration's scopeParameters, templates left out), sent with every lookup. */
  scope: Record<string, unknown>;
}

export const FieldContext = createContext<FieldContextValue>({ input: undefined, issues: [], readOnly: false, credentialId: undefined, scope: {} });

export function useFieldContext(): FieldContextValue {
  return useContext(FieldContext);
}

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/** The first problem located at this field (or inside it), for the message under the input. */
export function useFieldIssue(path: string): NodeIssue | undefined {
  const { issues } = useFieldContext();
  return issues.find((issue) => issue.severity === "error" && isUnder(issue.path, path)) ?? issues.find((issue) => isUnder(issue.path, path));
}
