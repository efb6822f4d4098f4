// The integration guide's examples, as the builder offers them under "New node from an example": each node config
// with the input data printed beside it. lib/nodes/examples.test.ts checks them against the guide itself, so a
// changed guide fails the tests instead of drifting. Browser-safe.
import type { JsonObject } from "@/lib/json/json-value";

export interface NodeExample {
  slug: string;
  /** The guide's heading for the example. */
  title: string;
  description: string;
  config: { integration_service: string; resource: string; operation: string; parameters: JsonObject };
  /**
   * The input data the guide shows with the example; for a templated example the guide prints without input, an
   * input of the shape its templates read, so the preview resolves.
   */
  input?: JsonObject;
}

const jumpcloud = (resource: string, operation: string, parameters: JsonObject) => ({ integration_service: "jumpcloud", resource, operation, parameters });

export const NODE_EXAMPLES: readonly NodeExample[] = [
  {
    slug: "create-policy",
    title: "Basic Policy Creation",
    description: "Creates a policy from a template, in the organization given by xOrgId (replace the guide's placeholder with your org's ObjectID).",
    config: jumpcloud("policy", "create", { policyData: { name: "Security Compliance Policy", template: "windows_security_baseline" }, additionalFields: { xOrgId: "your-org-id" } }),
  },
  {
    slug: "create-policy-with-templates",
    title: "Creating a Policy with Template Variables",
    description: "Names the policy and picks its template from the upstream node's output with {{ }} templates.",
    config: jumpcloud("policy", "create", { policyData: { name: "{{compliance.environment}} {{compliance.type}} - {{compliance.department}}", template: "{{policy_template}}" } }),
    input: { compliance: { type: "Security Baseline", environment: "Production", department: "Engineering" }, policy_template: "windows_security_baseline" },
  },
  {
    slug: "associate-policy-with-system",
    title: "Associating a Policy with Systems",
    description: "Adds an association between a policy and a system.",
    config: jumpcloud("policyAssociation", "manage", { policyId: "5f4d7c8e9a1b2c3d4e5f6789", associationData: { op: "add", type: "system", id: "5a1b2c3d4e5f67890abcdef1" } }),
  },
  {
    slug: "list-policy-associations",
    title: "Listing Policy Associations",
    description: "Lists the systems and system groups a policy is directly associated with.",
    config: jumpcloud("policyAssociation", "list", { policyId: "5f4d7c8e9a1b2c3d4e5f6789", targets: ["system", "system_group"] }),
  },
  {
    slug: "policy-status-for-system",
    title: "Getting Policy Status for a System",
    description: "Every policy's latest result on one system, all pages.",
    config: jumpcloud("policyStatus", "listForSystem", { systemId: "5a1b2c3d4e5f67890abcdef1", returnAll: true }),
  },
  {
    slug: "failed-policy-results-for-system",
    title: "Getting Policy Results with Filtering",
    description: "The failed results of the system named by the input's system_id, at most 50.",
    config: jumpcloud("policyStatus", "listForSystem", { systemId: "{{system_id}}", options: { filter: ["status:eq:failed"], limit: 50 } }),
    input: { system_id: "5a1b2c3d4e5f67890abcdef1", compliance_check: { date_range: "last_week", status_filter: "failed" } },
  },
  {
    slug: "list-policy-templates",
    title: "Listing Available Policy Templates",
    description: "Every policy template, sorted by name.",
    config: jumpcloud("policyTemplate", "list", { returnAll: true, options: { sort: ["name"] } }),
  },
  {
    slug: "get-policy-template",
    title: "Getting a Specific Policy Template",
    description: "One policy template by its ObjectID.",
    config: jumpcloud("policyTemplate", "get", { id: "5f4d7c8e9a1b2c3d4e5f6789" }),
  },
  {
    slug: "systems-bound-to-policy",
    title: "Finding All Systems Bound to a Policy",
    description: "The Windows systems bound to a policy, directly or through groups.",
    config: jumpcloud("policyTraversal", "getSystems", { policyId: "5f4d7c8e9a1b2c3d4e5f6789", options: { limit: 100, filter: ["os:eq:windows"] } }),
  },
  {
    slug: "system-groups-bound-to-policy",
    title: "Finding System Groups Bound to a Policy",
    description: "Every system group bound to a policy.",
    config: jumpcloud("policyTraversal", "getSystemGroups", { policyId: "5f4d7c8e9a1b2c3d4e5f6789", options: { returnAll: true } }),
  },
  {
    slug: "automated-compliance-monitoring",
    title: "Automated Compliance Monitoring",
    description: "Policy results across the organization that did not succeed, newest first.",
    config: jumpcloud("policyResult", "listForOrganization", { options: { filter: ["status:ne:success"], sort: ["-timestamp"] } }),
  },
  {
    slug: "dynamic-policy-assignment",
    title: "Dynamic Policy Assignment",
    description: "Associates the policy and system group the upstream node names with a system group.",
    config: jumpcloud("policyAssociation", "manage", {
      policyId: "{{security_policy_id}}",
      associationData: { op: "add", type: "system_group", id: "{{production_systems_group_id}}" },
    }),
    input: { security_policy_id: "5f4d7c8e9a1b2c3d4e5f6789", production_systems_group_id: "5a1b2c3d4e5f67890abcdef2" },
  },
];

export function findExample(slug: string): NodeExample | undefined {
  return NODE_EXAMPLES.find((example) => example.slug === slug);
}
