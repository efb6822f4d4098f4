// Policy traversal: the systems and system groups bound to a policy, directly or through groups.
import { define, policyIdParam } from "./define";

export const policyTraversalOperations = [
  define({
    resource: "policyTraversal",
    operation: "getSystems",
    label: "Get Systems",
    description: "Returns all systems bound to a policy (directly or indirectly)",
    method: "GET",
    path: "/policies/{policy_id}/systems",
    scopes: ["systems", "systems.readonly"],
    notFound: "policyNotFound",
    parameters: [policyIdParam()],
    listOptions: ["limit", "skip", "filter"],
    example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789", options: { limit: 100, filter: ["os:eq:windows"] } },
  }),
  define({
    resource: "policyTraversal",
    operation: "getSystemGroups",
    label: "Get System Groups",
    description: "Returns all system groups bound to a policy (directly or indirectly)",
    method: "GET",
    path: "/policies/{policy_id}/systemgroups",
    scopes: ["groups", "groups.readonly"],
    notFound: "policyNotFound",
    parameters: [policyIdParam()],
    listOptions: ["limit", "skip", "filter"],
    example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789", options: { returnAll: true } },
  }),
];
