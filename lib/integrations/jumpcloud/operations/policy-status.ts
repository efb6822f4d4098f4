// Policy status: the latest result per system of a policy, or per policy of a system.
import { define, FULL_LIST, idParam, policyList, READ_SCOPES } from "./define";

export const policyStatusOperations = [
  policyList({
    resource: "policyStatus",
    operation: "listForPolicy",
    label: "List for Policy",
    description: "Returns the latest policy results for a specific policy",
    path: "/policystatuses",
    listOptions: FULL_LIST,
    example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789", returnAll: true },
  }),
  define({
    resource: "policyStatus",
    operation: "listForSystem",
    label: "List for System",
    description: "Returns policy results for a particular system",
    method: "GET",
    path: "/systems/{system_id}/policystatuses",
    scopes: READ_SCOPES,
    notFound: "systemNotFound",
    parameters: [idParam("systemId", "System", "system_id", "The system: pick one from the list (search by hostname) or paste its ObjectID.", { resource: "system", operation: "list" })],
    listOptions: FULL_LIST,
    example: { systemId: "5a1b2c3d4e5f67890abcdef1", returnAll: true },
  }),
];
