// JumpCloud's side of the sync contract (lib/integrations/sync-contract.ts): the association and policy planners
// over a client, and one apply for either plan.
import type { SyncSupport } from "../../sync-contract";
import { applyAssociations, planAssociations, SYNC_TARGET_TYPES } from "./association-plan";
import { applyPolicyPlan, planPolicyUpdate } from "./policy-plan";
import { ioFromClient } from "./sync-io";

export const jumpcloudSync: SyncSupport = {
  targetTypes: SYNC_TARGET_TYPES,
  planAssociations: (client, request, options = {}) => planAssociations(ioFromClient(client), request, options.signal),
  planPolicyUpdate: (client, request, options = {}) => planPolicyUpdate(ioFromClient(client), request, options.signal),
  applyPlan: (client, plan, options = {}) =>
    plan.kind === "associations" ? applyAssociations(ioFromClient(client), plan, options) : applyPolicyPlan(ioFromClient(client), plan, options),
};
