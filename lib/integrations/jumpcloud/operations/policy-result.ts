// Policy result: one result, a policy's results, the organization's results.
import { define, FULL_LIST, idParam, policyList, READ_SCOPES } from "./define";

export const policyResultOperations = [
  define({
    resource: "policyResult",
    operation: "get",
    label: "Get",
    description: "Retrieves a specific policy result by ID",
    method: "GET",
    path: "/policyresults/{id}",
    scopes: READ_SCOPES,
    notFound: "notFound",
    parameters: [idParam("id", "Policy Result ID", "id", "The ObjectID of the policy result.", undefined, ["policyResultId"])],
    example: { id: "5f4d7c8e9a1b2c3d4e5f6789" },
  }),
  policyList({
    resource: "policyResult",
    operation: "listForPolicy",
    label: "List for Policy",
    description: "Returns all policy results for a specific policy",
    path: "/policyresults",
    listOptions: FULL_LIST,
    example: { policyId: "5f4d7c8e9a1b2c3d4e5f6789", options: { sort: ["-startedAt"], limit: 50 } },
  }),
  define({
    resource: "policyResult",
    operation: "listForOrganization",
    label: "List for Organization",
    description: "Returns all policy results for the organization",
    method: "GET",
    path: "/policyresults",
    scopes: READ_SCOPES,
    notFound: "notFound",
    parameters: [],
    listOptions: FULL_LIST,
    example: { options: { filter: ["status:ne:success"], sort: ["-timestamp"] } },
  }),
];
