// The registry of JumpCloud operations, one file per resource. Adding an operation is one define({...}) entry in
// its resource's file; the builder form, validation, request building, the docs page and the HTTP API read it.
import { JumpCloudError } from "../errors";
import { authTypeLabel } from "../credentials";
import type { JumpCloudOperation } from "./define";
import { policyOperations } from "./policy";
import { policyAssociationOperations } from "./policy-association";
import { policyResultOperations } from "./policy-result";
import { policyStatusOperations } from "./policy-status";
import { policyTemplateOperations } from "./policy-template";
import { policyTraversalOperations } from "./policy-traversal";
import { lookupOperations } from "./lookup";

export const resources = [
  { id: "policy", label: "Policy" },
  { id: "policyAssociation", label: "Policy Association" },
  { id: "policyTraversal", label: "Policy Traversal" },
  { id: "policyResult", label: "Policy Result" },
  { id: "policyStatus", label: "Policy Status" },
  { id: "policyTemplate", label: "Policy Template" },
] as const;

export const operations: readonly JumpCloudOperation[] = [
  ...policyOperations,
  ...policyAssociationOperations,
  ...policyTraversalOperations,
  ...policyResultOperations,
  ...policyStatusOperations,
  ...policyTemplateOperations,
];

// The client also runs the app's own lookups (systems, system groups), which the builder does not offer.
const byKey = new Map([...operations, ...lookupOperations].map((op) => [`${op.resource}.${op.operation}`, op]));

export function findOperation(resource: string, operation: string): JumpCloudOperation | undefined {
  return byKey.get(`${resource}.${operation}`);
}

export function requireOperation(resource: string, operation: string): JumpCloudOperation {
  const op = findOperation(resource, operation);
  if (op) return op;
  const known = operations.filter((o) => o.resource === resource).map((o) => o.operation);
  throw new JumpCloudError({
    kind: "invalidParameters",
    message:
      known.length > 0
        ? `Unknown operation "${operation}" for resource "${resource}": use one of ${known.join(", ")}.`
        : `Unknown resource "${resource}": use one of ${[...new Set(operations.map((o) => o.resource))].join(", ")}.`,
    path: known.length > 0 ? "operation" : "resource",
  });
}


/** Refuses, before any request, a credential type JumpCloud does not accept for this operation. */
export function assertAuthSupported(op: JumpCloudOperation, authType: string): void {
  if (op.authTypes.includes(authType)) return;
  const label = authTypeLabel(authType);
  throw new JumpCloudError({
    kind: "unsupportedAuthType",
    message:
      authType === "systemContext"
        ? `A System Context credential cannot run ${op.resource} ${op.operation}: JumpCloud accepts System Context signatures only on a device's own system endpoints (such as GET /api/systems/{id}), not on policy operations. Use an API Key credential (recommended) or a service account.`
        : `A ${label} credential cannot run ${op.resource} ${op.operation}; JumpCloud accepts ${op.authTypes.map(authTypeLabel).join(" or ")} for it.`,
  });
}
