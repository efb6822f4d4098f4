// What an integration tells baselines and drift checks: how to read a policy's full state (name, template, values,
// notes, associations), how two states differ, and which calls put one difference back. Vendor-neutral; each
// service implements it in its folder, beside its compliance support.
import type { OperationCall } from "./compliance-contract";
import type { SyncPlan, SyncSupport } from "./sync-contract";
import type { IntegrationClient } from "./types";

/** One association of a policy: the kind of target and its id. */
export interface AssociationRef {
  type: string;
  id: string;
}

/** One config value of a policy, keyed by the template's field id; `name` and `label` are for display. */
export interface PolicyValueState {
  field: string;
  name: string;
  value: unknown;
  /** A stored secret the service returns masked: never compared and never written back. */
  sensitive?: boolean;
}

/** A policy as a baseline records it. Plain JSON: it is stored in each baseline version. */
export interface PolicyState {
  id: string;
  name: string;
  template: { id: string; name: string };
  values: PolicyValueState[];
  notes: string;
  associations: AssociationRef[];
}

export const DRIFT_KINDS = [
  "associationAdded",
  "associationRemoved",
  "valueChanged",
  "notesChanged",
  "policyRenamed",
  "policyDeleted",
  "complianceRegression",
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

/** One difference between a policy's desired and current state. */
export interface DriftFinding {
  /** Stable identity within a baseline: the same difference found by the next check has the same key. */
  key: string;
  kind: DriftKind;
  policyId: string;
  policyName: string;
  /** What differs, in words: a config field's name, "system 5f1…", the policy's name. */
  subject: string;
  /** What accept and revert need: the association, or the config field id. */
  detail: { association?: AssociationRef; field?: string; systemId?: string; since?: string };
  /** The baseline's side and reality's side of the difference (null: absent). */
  expected: unknown;
  actual: unknown;
}

export interface BaselineSupport {
  /** Reads one policy's details (name, template, values, notes). */
  readPolicy(policyId: string, orgId?: string): OperationCall;
  /** Reads one policy's direct associations (every page). */
  readAssociations(policyId: string, orgId?: string): OperationCall;
  /** The policy's state from the items those two calls returned. */
  toState(policy: unknown, associations: readonly unknown[]): PolicyState | undefined;
  /** An error kind that means the policy itself is gone. */
  policyGone(errorKind: string): boolean;
  /** Every difference between the desired state and the current one (undefined: the policy was deleted). */
  diff(expected: PolicyState, actual: PolicyState | undefined): DriftFinding[];
  /**
   * The integration's sync plan (see sync-contract.ts) that puts reality back to the baseline for this one finding,
   * read fresh through the client; null with the reason when it cannot be reverted (a deleted policy, a compliance
   * regression). Planned and applied with the integration's own `sync`.
   */
  planRevert(sync: SyncSupport, client: IntegrationClient, finding: DriftFinding, expected: PolicyState, options?: { orgId?: string; signal?: AbortSignal }): Promise<{ plan: SyncPlan | null; refusal?: string }>;
}
