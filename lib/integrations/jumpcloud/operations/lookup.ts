// Lookups the app makes on the user's behalf, not operations a node runs: systems (JumpCloud's v1 API) and system
// groups, for the pickers of a system or group id and for the names shown beside ids in results. They run through
// the same client, budget and validation as the registry's operations but are not offered in the builder.
import { z } from "zod";
import type { ParameterSpec } from "../../types";
import { define } from "./define";
import { objectId } from "./schemas";

/** Ids per request when names are looked up: one page. */
export const LOOKUP_IDS_PER_REQUEST = 100;

const ids = (what: string) => z.array(objectId(what)).min(1).max(LOOKUP_IDS_PER_REQUEST);

const v1Query = (name: string, wireName: string, help: string, schema: z.ZodType): ParameterSpec => ({ name, label: name, help, kind: "text", in: "query", wireName, required: false, schema });

export const lookupOperations = [
  define({
    resource: "system",
    operation: "list",
    label: "List",
    description: "Systems (v1 GET /api/systems), searched by hostname or display name",
    api: "v1",
    method: "GET",
    path: "/systems",
    scopes: ["systems", "systems.readonly"],
    notFound: "systemNotFound",
    parameters: [
      v1Query("search", "search", "A term looked for in hostname, display name and serial number.", z.string().trim().min(1).max(200)),
      // v1 filters are field:$operator:value with |-separated terms.
      v1Query("ids", "filter", "Only these systems.", ids("ids").transform((list) => `_id:$in:${list.join("|")}`)),
      // v1 takes space-separated sort and fields.
      v1Query("v1Sort", "sort", "Sort fields.", z.array(z.enum(["hostname", "displayName"])).transform((list) => list.join(" "))),
      v1Query("v1Fields", "fields", "Fields returned.", z.array(z.enum(["hostname", "displayName", "os", "osFamily", "version"])).transform((list) => list.join(" "))),
    ],
    listOptions: ["limit", "skip"],
    example: { search: "web", v1Sort: ["hostname"] },
  }),
  define({
    resource: "systemGroup",
    operation: "list",
    label: "List",
    description: "System groups (GET /api/v2/systemgroups)",
    method: "GET",
    path: "/systemgroups",
    scopes: ["groups", "groups.readonly"],
    notFound: "targetNotFound",
    parameters: [],
    listOptions: ["limit", "skip", "filter", "sort", "fields"],
    example: { options: { sort: ["name"] } },
  }),
];
