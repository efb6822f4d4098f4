// What an integration tells the compliance monitor: how to list the policies and the latest status of each
// (policy, system) pair, and what a status record means. Vendor-neutral; each service implements it in its folder.
import type { OperationDescription } from "./types";

/** States a status record can mean; "removed" is decided by the monitor (a pair that is no longer listed). */
export type ObservedState = "passing" | "failing" | "pending" | "unknown";

export interface ObservedStatus {
  systemId: string;
  state: ObservedState;
  /** Why a pair fails or waits, shortened for display (never a secret: it is the device's own report). */
  detail?: string;
  /** When the integration produced this result (ISO 8601). */
  resultAt?: string;
}

export interface PolicyRef {
  id: string;
  name: string;
}

/** One call of the integration's client: `client.run(resource, operation, params)`. */
export interface OperationCall {
  resource: string;
  operation: string;
  params: Record<string, unknown>;
  /** For a lookup the integration runs for itself but does not offer as a node operation (not in `operations`). */
  description?: OperationDescription;
}

export interface ComplianceSupport {
  /** Every policy of the organization (the monitor filters them by its scope). */
  listPolicies(orgId?: string): OperationCall;
  readPolicy(item: unknown): PolicyRef | undefined;
  /** The latest status of each system bound to one policy. */
  listStatuses(policyId: string, orgId?: string): OperationCall;
  readStatus(item: unknown): ObservedStatus | undefined;
  /** An error kind that means the policy itself is gone: its pairs are removed rather than unknown. */
  policyGone(errorKind: string): boolean;
  /** Systems with their display names, when the integration can list them (the hostname seam). */
  listSystems?(orgId?: string): OperationCall;
  readSystem?(item: unknown): { id: string; hostname?: string } | undefined;
}
