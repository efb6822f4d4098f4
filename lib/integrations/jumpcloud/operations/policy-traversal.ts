// Policy traversal: the systems and system groups bound to a policy, directly or through groups.
import { policyList } from "./define";

export const policyTraversalOperations = [
  policyList({
    resource: "policyTraversal",
    operation: "getSystems",
    label: "Get Systems",
    description: "Returns all systems bound to a policy (directly or indirectly)",
    path: "/systems",
    listOptions: ["limit", "skip", "filter"],
    example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789", options: { limit: 100, filter: ["os:eq:windows"] } },
  }),
  policyList({
    resource: "policyTraversal",
    operation: "getSystemGroups",
    label: "Get System Groups",
    description: "Returns all system groups bound to a policy (directly or indirectly)",
    path: "/systemgroups",
    scopes: ["groups", "groups.readonly"],
    listOptions: ["limit", "skip", "filter"],
    example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789", options: { returnAll: true } },
  }),
];
