// What an integration offers for desired-state sync (Terraform's plan/apply): plan a policy's associations against a
// desired set of targets, plan a policy's name, values and notes against desired ones, and apply either plan item by
// item. Vendor-neutral: generic layers (drift checks, the HTTP API) call these through IntegrationDefinition.sync with
// a client from clientForCredential, so every request draws on the credential's shared budget. Browser-safe types.
import type { IntegrationClient, PlannedRequest } from "./types";

/** A target a policy can be associated with (JumpCloud: `system` or `system_group`), by the service's id. */
export interface AssociationTarget {
  type: string;
  id: string;
}

/** `add-only` never removes; `exact` also removes every association the desired set does not name. */
export type SyncMode = "add-only" | "exact";
export const SYNC_MODES: readonly SyncMode[] = ["add-only", "exact"];

export interface AssociationStep {
  action: "add" | "remove" | "unchanged";
  target: AssociationTarget;
  /** The exact request apply sends for this step, secrets masked (absent for unchanged). */
  request?: PlannedRequest;
}

export interface AssociationPlan {
  kind: "associations";
  policyId: string;
  orgId?: string;
  mode: SyncMode;
  /** The target types compared (those the desired set may name); others are left alone. */
  targetTypes: string[];
  /** Associations found when planning. */
  current: number;
  counts: { add: number; remove: number; unchanged: number };
  /** Adds first, then removes, then unchanged; each target once. */
  steps: AssociationStep[];
  /** The reads the plan was made from. */
  reads: PlannedRequest[];
  /** Requests made while planning. */
  requests: number;
}

export interface PolicyChange {
  field: "name" | "notes" | "value";
  /** For a value: the config field's name (or id when the template does not name it). */
  key?: string;
  from: unknown;
  to: unknown;
}

export interface PolicyPlan {
  kind: "policy";
  policyId: string;
  orgId?: string;
  changes: PolicyChange[];
  /** Desired values that are left as they are, and why (a sensitive value the service returns masked). */
  skipped: Array<{ key: string; reason: string }>;
  /** Why the update cannot be applied as planned (a masked sensitive value the write would overwrite). */
  blocked: string[];
  /** The requests apply sends (a fresh read, then the whole-policy write); empty when nothing changes. */
  writes: PlannedRequest[];
  reads: PlannedRequest[];
  requests: number;
}

export type SyncPlan = AssociationPlan | PolicyPlan;

export type ItemOutcome = "added" | "removed" | "updated" | "alreadyPresent" | "alreadyAbsent" | "unchanged" | "failed";

export interface ApplyItem {
  action: "add" | "remove" | "unchanged" | "update";
  target?: AssociationTarget;
  outcome: ItemOutcome;
  /** For a failed item: the typed error and the service's advice. */
  error?: { kind: string; message: string; advice?: string };
}

export interface ApplyReport {
  policyId: string;
  items: ApplyItem[];
  counts: Record<ItemOutcome, number>;
  /** Every item either done (changed or already so) or unchanged: nothing failed or was left unapplied. */
  complete: boolean;
  requests: number;
  durationMs: number;
}

export interface PlanAssociationsRequest {
  policyId: string;
  desired: readonly AssociationTarget[];
  mode: SyncMode;
  orgId?: string;
}

export interface PlanPolicyRequest {
  policyId: string;
  desired: { name?: string; values?: Record<string, unknown>; notes?: string };
  orgId?: string;
}

export interface ApplyOptions {
  /** Changes in flight at once (default 16); the credential's request budget bounds the rate however many run. */
  concurrency?: number;
  signal?: AbortSignal;
}

export interface SyncSupport {
  /** The target types an association may name, e.g. ["system", "system_group"]. */
  targetTypes: readonly string[];
  planAssociations(client: IntegrationClient, request: PlanAssociationsRequest, options?: { signal?: AbortSignal }): Promise<AssociationPlan>;
  planPolicyUpdate(client: IntegrationClient, request: PlanPolicyRequest, options?: { signal?: AbortSignal }): Promise<PolicyPlan>;
  /** Applies a plan item by item; re-running it (or a fresh plan) after a partial failure finishes the rest. */
  applyPlan(client: IntegrationClient, plan: SyncPlan, options?: ApplyOptions): Promise<ApplyReport>;
}
