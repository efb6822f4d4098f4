import { describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/json/json-value";
import { parseNodeConfig, type NodeConfig } from "./node-config";
import { resolveParameters } from "./resolve-parameters";
import { guideExists, readGuideExamples } from "./test-fixtures/guide-examples";

const resolve = (config: NodeConfig, input: JsonValue | undefined) => resolveParameters(config, input, { includeTestOnly: false });

const POLICY_ID = "5f4d7c8e9a1b2c3d4e5f6789";
const SYSTEM_ID = "5a1b2c3d4e5f67890abcdef1";

function config(resource: string, operation: string, parameters: Record<string, unknown>): NodeConfig {
  const parsed = parseNodeConfig({ integration_service: "jumpcloud", resource, operation, parameters });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

const errors = (result: ReturnType<typeof resolveParameters>) => result.issues.filter((issue) => issue.severity === "error");
const warnings = (result: ReturnType<typeof resolveParameters>) => result.issues.filter((issue) => issue.severity === "warning");

describe("resolveParameters with the integration guide", () => {
  it("resolves every example without errors (inputs from the guide, or ids for the dynamic one)", (ctx) => {
    ctx.skip(!guideExists, "skipped: spec not found");
    const dynamicInput = { security_policy_id: POLICY_ID, production_systems_group_id: SYSTEM_ID };
    for (const example of readGuideExamples()) {
      const parsed = parseNodeConfig(example.config);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const input = example.input ?? (JSON.stringify(example.config).includes("security_policy_id") ? dynamicInput : undefined);
      const result = resolve(parsed.value, input as JsonValue | undefined);
      expect(errors(result), JSON.stringify(example.config)).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });

  it("renders the template example into the policy's name and template", () => {
    const result = resolve(
      config("policy", "create", {
        policyData: {
          name: "{{compliance.environment}} {{compliance.type}} - {{compliance.department}}",
          template: "{{policy_template}}",
        },
      }),
      {
        compliance: { type: "Security Baseline", environment: "Production", department: "Engineering" },
        policy_template: "windows_security_baseline",
      },
    );
    expect(result.valid).toBe(true);
    expect(result.parameters).toEqual({
      policyData: { name: "Production Security Baseline - Engineering", template: "windows_security_baseline" },
    });
    expect(result.sources).toEqual([
      { path: "policyData.name", segments: ["policyData", "name"], source: "node" },
      { path: "policyData.template", segments: ["policyData", "template"], source: "input", inputKey: "policy_template" },
    ]);
  });

  it("warns about status and timestamp on organization results but keeps them", () => {
    const result = resolve(
      config("policyResult", "listForOrganization", { options: { filter: ["status:ne:success"], sort: ["-timestamp"] } }),
      undefined,
    );
    expect(result.valid).toBe(true);
    expect(warnings(result).map((warning) => warning.path)).toEqual(["options.filter[0]", "options.sort[0]"]);
    expect(result.parameters).toMatchObject({ options: { filter: ["status:ne:success"], sort: ["-timestamp"] } });
  });
});

describe("resolveParameters precedence", () => {
  it("extracts system_id into systemId when the node leaves it out", () => {
    const result = resolve(config("policyStatus", "listForSystem", { returnAll: true }), { system_id: SYSTEM_ID });
    expect(result.valid).toBe(true);
    expect(result.parameters).toMatchObject({ systemId: SYSTEM_ID, returnAll: true });
    expect(result.sources).toContainEqual({ path: "systemId", segments: ["systemId"], source: "extracted", inputKey: "system_id" });
  });

  it("extracts policy_id, and the registry's alias id, into policyId", () => {
    const fromSnake = resolve(config("policy", "get", {}), { policy_id: POLICY_ID });
    expect(fromSnake.parameters).toEqual({ policyId: POLICY_ID });
    const fromId = resolve(config("policy", "get", {}), { id: POLICY_ID, name: "A policy" });
    expect(fromId.parameters).toEqual({ policyId: POLICY_ID });
    expect(fromId.sources).toContainEqual(expect.objectContaining({ path: "policyId", source: "extracted", inputKey: "id" }));
  });

  it("does not read security_policy_id as policyId", () => {
    const result = resolve(
      config("policyAssociation", "manage", { associationData: { op: "add", type: "system", id: SYSTEM_ID } }),
      { security_policy_id: POLICY_ID },
    );
    expect(result.valid).toBe(false);
    expect(errors(result)).toEqual([{ path: "policyId", message: "policyId is required", severity: "error" }]);
  });

  it("lets the node's value win, and fills missing nested fields from the input", () => {
    const result = resolve(
      config("policyAssociation", "manage", { policyId: POLICY_ID, associationData: { op: "remove" } }),
      { policy_id: "ffffffffffffffffffffffff", association_data: { op: "add", type: "system_group", id: SYSTEM_ID } },
    );
    expect(result.valid).toBe(true);
    expect(result.parameters).toEqual({ policyId: POLICY_ID, associationData: { op: "remove", type: "system_group", id: SYSTEM_ID } });
  });

  it("never renders templates found in the input data", () => {
    const result = resolve(config("policy", "create", { policyData: { template: "t" } }), {
      policy_data: { name: "{{ secret }}" },
      secret: "do not expand",
    });
    expect(result.parameters).toMatchObject({ policyData: { name: "{{ secret }}", template: "t" } });
  });
});

describe("resolveParameters types and errors", () => {
  it("keeps the type of whole-value templates through validation", () => {
    const result = resolve(
      config("policyStatus", "listForSystem", { systemId: "{{ system.id }}", returnAll: "{{ all }}", options: { limit: "{{ n }}", filter: "{{ filters }}" } }),
      { system: { id: SYSTEM_ID }, all: false, n: 50, filters: ["success:eq:false"] },
    );
    expect(result.valid).toBe(true);
    expect(result.parameters).toEqual({ systemId: SYSTEM_ID, returnAll: false, options: { limit: 50, filter: ["success:eq:false"] } });
  });

  it("locates a missing variable once, at the parameter that uses it", () => {
    const result = resolve(config("policyStatus", "listForSystem", { systemId: "{{system_id}}" }), { systemID: SYSTEM_ID });
    expect(errors(result)).toHaveLength(1);
    expect(errors(result)[0]).toMatchObject({ path: "systemId" });
    expect(errors(result)[0]!.message).toContain('"system_id"');
    expect(errors(result)[0]!.message).toContain("systemID");
  });

  it("names invalid values by their path", () => {
    const result = resolve(
      config("policyAssociation", "manage", { policyId: "not-an-id", associationData: { op: "attach", type: "system", id: SYSTEM_ID } }),
      undefined,
    );
    expect(errors(result).map((issue) => issue.path).sort()).toEqual(["associationData.op", "policyId"]);
  });

  it("reports filter syntax errors at the entry", () => {
    const result = resolve(config("policy", "list", { options: { filter: ["name=foo"] } }), undefined);
    expect(errors(result)).toMatchObject([{ path: "options.filter[0]" }]);
  });

  it("warns about unknown node parameters with a suggestion", () => {
    const result = resolve(config("policy", "get", { policyId: POLICY_ID, polcyId: "x" }), undefined);
    expect(result.valid).toBe(true);
    expect(warnings(result)).toMatchObject([{ path: "polcyId", message: expect.stringContaining("did you mean policyId") as unknown }]);
  });

  it("refuses prototype keys in the input data", () => {
    const result = resolve(config("policy", "list", {}), JSON.parse('{"a": {"__proto__": {"x": 1}}}') as JsonValue);
    expect(errors(result)).toMatchObject([{ path: "input.a.__proto__" }]);
  });

  it("names an unknown service, resource or operation", () => {
    const service = resolve({ ...config("policy", "list", {}), integration_service: "okta" }, undefined);
    expect(errors(service)).toMatchObject([{ path: "integration_service" }]);
    const operation = resolve({ ...config("policy", "list", {}), operation: "purge" }, undefined);
    expect(errors(operation)[0]!.message).toContain("create");
    expect(errors(operation)[0]!.path).toBe("operation");
  });
});

describe("resolveParameters performance", () => {
  it("resolves a config against a 1 MB input in a few milliseconds", () => {
    const records = Array.from({ length: 5000 }, (_, index) => ({
      id: `id-${index}`,
      name: `system ${index}`,
      attributes: { os: "windows", version: index, note: "x".repeat(120) },
    }));
    const input = { system_id: SYSTEM_ID, records };
    expect(JSON.stringify(input).length).toBeGreaterThan(1_000_000);
    const node = config("policyStatus", "listForSystem", { systemId: "{{system_id}}", options: { filter: ["state:eq:{{ records[4999].name }}"] } });
    const first = performance.now();
    expect(resolve(node, input).valid).toBe(true);
    // The first call also checks the whole input document once.
    expect(performance.now() - first).toBeLessThan(200);
    const started = performance.now();
    for (let round = 0; round < 10; round += 1) resolve(node, input);
    expect((performance.now() - started) / 10).toBeLessThan(50);
  });
});
