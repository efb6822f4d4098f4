// Policy template: one template with its config fields, and the catalogue.
import { define, FULL_LIST, idParam, READ_SCOPES } from "./define";

export const policyTemplateOperations = [
  define({
    resource: "policyTemplate",
    operation: "get",
    label: "Get",
    description: "Retrieves a specific policy template by ID",
    method: "GET",
    path: "/policytemplates/{id}",
    scopes: READ_SCOPES,
    notFound: "templateNotFound",
    parameters: [
      idParam("id", "Policy Template", "id", "The policy template: pick one from the list or paste its ObjectID.", { resource: "policyTemplate", operation: "list" }, ["templateId"]),
    ],
    example: { id: "5f4d7c8e9a1b2c3d4e5f6789" },
  }),
  define({
    resource: "policyTemplate",
    operation: "list",
    label: "List",
    description: "Returns all available policy templates",
    method: "GET",
    path: "/policytemplates",
    scopes: READ_SCOPES,
    notFound: "notFound",
    parameters: [],
    listOptions: FULL_LIST,
    example: { returnAll: true, options: { sort: ["name"] } },
  }),
];
