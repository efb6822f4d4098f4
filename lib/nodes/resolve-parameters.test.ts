import { describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/json/json-value";
import { parseNodeConfig, type NodeConfig } from "./node-config";
import { resolveParameters } from "./resolve-parameters";
import { needSharedFile } from "@/lib/testing/shared-files";
import { guidePath, readGuideExamples } from "./test-fixtures/guide-examples";

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
  it("resolves every example without errors (inputs from the guide, or ids for the dynamic one), except the placeholder org id", (ctx) => {
    needSharedFile(ctx.skip, guidePath);
    const dynamicInput = { security_policy_id: POLICY_ID, production_systems_group_id: SYSTEM_ID };
    for (const example of readGuideExamples()) {
      const parsed = parseNodeConfig(example.config);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const input = example.input ?? (JSON.stringify(example.config).includes("security_policy_id") ? dynamicInput : undefined);
      const result = resolve(parsed.value, input as JsonValue | undefined);
      if (JSON.stringify(example.config).includes("your-org-id")) {
        // The guide's placeholder would reach no organization, or the wrong one: caught before anything is sent.
        expect(errors(result)).toEqual([
          { path: "additionalFields.xOrgId", severity: "error", message: expect.stringContaining("xOrgId must be a JumpCloud ObjectID (24 hexadecimal characters)") },
        ]);
        continue;
      }
      expect(errors(result), JSON.stringify(example.config)).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });

  it("gives the guide's compliance examples their warnings, each with a fix to the real field", () => {
    const result = resolve(config("policyResult", "listForOrganization", { options: { filter: ["status:ne:success"], sort: ["-timestamp"] } }), undefined);
    expect(warnings(result)).toMatchObject([
      { path: "options.filter[0]", code: "unknownField", fix: { label: "Use state", value: "state:ne:success" } },
      { path: "options.sort[0]", code: "unknownField", fix: { label: "Use startedAt", value: "-startedAt" } },
    ]);
    const forSystem = resolve(config("policyStatus", "listForSystem", { systemId: SYSTEM_ID, options: { filter: ["status:eq:failed"], limit: 50 } }), undefined);
    expect(warnings(forSystem)).toMatchObject([{ path: "options.filter[0]", fix: { value: "state:eq:failed" } }]);
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

describe("strict list options", () => {
  it("turn unknown fields into errors, so the run is refused before anything is sent", () => {
    const result = resolve(config("policyResult", "listForOrganization", { options: { filter: ["status:ne:success"], strict: true } }), undefined);
    expect(result.valid).toBe(false);
    expect(errors(result)).toMatchObject([{ path: "options.filter[0]", code: "unknownField", message: expect.stringContaining("Strict mode refuses") as unknown }]);
    const known = resolve(config("policyResult", "listForOrganization", { options: { filter: ["state:ne:success"], strict: true } }), undefined);
    expect(known.valid).toBe(true);
  });

  it("are offered only where the records' fields are checked", () => {
    expect(resolve(config("policyAssociation", "list", { policyId: POLICY_ID, options: { strict: true } }), undefined).valid).toBe(false);
  });
});

describe("org id", () => {
  it("is checked as an ObjectID before anything is sent", () => {
    const result = resolve(config("policy", "list", { additionalFields: { xOrgId: "your-org-id" } }), undefined);
    expect(errors(result)).toMatchObject([{ path: "additionalFields.xOrgId", message: expect.stringContaining("24 hexadecimal") as unknown }]);
  });

  it("is extracted from a top-level xOrgId or x_org_id of the input, and the node's own value wins", () => {
    const ORG = "64b7aa11bb22cc33dd44ee55";
    const extracted = resolve(config("policy", "list", {}), { xOrgId: ORG });
    expect(extracted.parameters).toEqual({ additionalFields: { xOrgId: ORG } });
    expect(extracted.sources).toContainEqual({ path: "additionalFields.xOrgId", segments: ["additionalFields", "xOrgId"], source: "extracted", inputKey: "xOrgId" });
    expect(resolve(config("policy", "list", {}), { x_org_id: ORG }).parameters).toEqual({ additionalFields: { xOrgId: ORG } });
    const nodeWins = resolve(config("policy", "list", { additionalFields: { xOrgId: "64b7aa11bb22cc33dd44ee56" } }), { xOrgId: ORG });
    expect(nodeWins.parameters).toEqual({ additionalFields: { xOrgId: "64b7aa11bb22cc33dd44ee56" } });
    const bad = resolve(config("policy", "list", {}), { xOrgId: "your-org-id" });
    expect(errors(bad)).toMatchObject([{ path: "additionalFields.xOrgId" }]);
  });
});

describe("association list targets", () => {
  it("default to system and system_group, as the guide documents", () => {
    const result = resolve(config("policyAssociation", "list", { policyId: POLICY_ID }), undefined);
    expect(result.valid).toBe(true);
    expect(result.parameters).toEqual({ policyId: POLICY_ID, targets: ["system", "system_group"] });
  });
});

describe("template config values", () => {
  const fields = {
    title: "Config fields of Security Baseline",
    fields: [
      { id: "5ade0cfd1f24754c6c5dc9f4", name: "minimumPasswordLength", label: "Minimum password length", type: "number" as const, defaultValue: 14, required: true, options: [], min: 8, max: 128 },
      { id: "5ade0cfd1f24754c6c5dc9f5", name: "enableFirewall", label: "Enable firewall", type: "checkbox" as const, defaultValue: true, required: false, options: [] },
      { id: "5ade0cfd1f24754c6c5dc9f6", name: "uacLevel", label: "UAC level", type: "select" as const, defaultValue: "a", required: true, options: [{ value: "a", label: "A" }, { value: "b", label: "B" }] },
      { id: "5ade0cfd1f24754c6c5dc9f7", name: "legalNoticeText", label: "Legal notice", type: "text" as const, defaultValue: "x", required: false, options: [], maxLength: 5 },
      { id: "5ade0cfd1f24754c6c5dc9f8", name: "escrow", label: "Escrow", type: "text" as const, defaultValue: null, required: true, options: [] },
    ],
  };
  const create = (values: Record<string, unknown>) => config("policy", "create", { policyData: { name: "P", template: "windows_security_baseline", values } });
  const withFields = (node: NodeConfig, input?: JsonValue) => resolveParameters(node, input, { includeTestOnly: false, dynamicFields: { "policyData.values": fields } });

  it("are all checked at once against the loaded fields, each at its path", () => {
    const result = withFields(create({ minimumPasswordLength: 200, enableFirewall: "yes", uacLevel: "c", legalNoticeText: "too long", colour: 1 }));
    expect(result.valid).toBe(false);
    expect(errors(result).map((issue) => issue.path)).toEqual([
      "policyData.values.minimumPasswordLength",
      "policyData.values.enableFirewall",
      "policyData.values.uacLevel",
      "policyData.values.legalNoticeText",
      "policyData.values.colour",
      "policyData.values.escrow",
    ]);
    expect(errors(result)[0]!.message).toContain("at most 128");
    expect(errors(result)[2]!.message).toContain("one of a, b");
  });

  it("accept good values, the [{configFieldID, value}] shape, and wait for unresolved templates", () => {
    expect(withFields(create({ minimumPasswordLength: 16, uacLevel: "b", escrow: "k" })).valid).toBe(true);
    const list = config("policy", "create", { policyData: { name: "P", template: "t", values: [{ configFieldID: "5ade0cfd1f24754c6c5dc9f4", value: 4 }, { configFieldID: "5ade0cfd1f24754c6c5dc9f8", value: "k" }] } });
    expect(errors(withFields(list))).toMatchObject([{ path: "policyData.values[0].value", message: expect.stringContaining("at least 8") as unknown }]);
    const templated = withFields(create({ minimumPasswordLength: "{{ n }}", escrow: "k" }), {});
    expect(errors(templated).map((issue) => issue.path)).toEqual(["policyData.values.minimumPasswordLength"]);
  });
});

describe("fallbacks in node parameters", () => {
  it("let input data override a default the node sets", () => {
    const node = config("policyStatus", "listForSystem", { systemId: SYSTEM_ID, options: { limit: "{{ limit ?? 50 }}" } });
    expect(resolve(node, {}).parameters).toEqual({ systemId: SYSTEM_ID, options: { limit: 50 } });
    const overridden = resolve(node, { limit: 5 });
    expect(overridden.parameters).toEqual({ systemId: SYSTEM_ID, options: { limit: 5 } });
    expect(overridden.sources).toContainEqual(expect.objectContaining({ path: "options.limit", source: "input", inputKey: "limit" }));
  });

  it("render date helpers at the given time", () => {
    const node = config("policyResult", "listForOrganization", { options: { filter: ["startedAt:gt:{{ $daysAgo(7) }}"] } });
    const result = resolveParameters(node, undefined, { includeTestOnly: false, now: Date.parse("2026-11-20T00:00:00Z") });
    expect(result.parameters).toEqual({ options: { filter: ["startedAt:gt:2026-11-13T00:00:00.000Z"] } });
    expect(warnings(result)).toEqual([]);
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
  // The speed itself is measured by the builder's e2e (1 MB input, keystroke to preview); these bounds only catch
  // a pathological regression (a few ms each on a quiet machine), not a busy one.
  it("resolves a config against a 1 MB input without re-reading the input on every call", () => {
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
    expect(performance.now() - first).toBeLessThan(2000);
    const started = performance.now();
    for (let round = 0; round < 10; round += 1) resolve(node, input);
    expect((performance.now() - started) / 10).toBeLessThan(500);
  });
});

describe("output stays proportionate to the request", () => {
  const size = (value: unknown) => JSON.stringify(value).length;

  it("half a megabyte of invalid templates gets a few issues and a count, not 40 MB", () => {
    const node = config("policy", "create", { policyData: { name: "{{!}}".repeat(100_000), template: "5ade0cfd1f24754c6c5dc9f3" } });
    const result = resolve(node, {});
    expect(result.valid).toBe(false);
    expect(size(result.issues)).toBeLessThan(10_000);
    expect(result.issues.at(-1)!.message).toMatch(/^…and 99995 more template errors in policyData\.name/);
    expect(size(result)).toBeLessThan(2 * size(node) + 10_000);
  });

  it("150,000 failing templates are counted without overflowing the stack", () => {
    const node = config("policy", "create", { policyData: { name: "{{!}}".repeat(150_000), template: "5ade0cfd1f24754c6c5dc9f3" } });
    const result = resolve(node, {});
    expect(result.issues.some((issue) => issue.message.includes("149995 more"))).toBe(true);
    const many = config("policy", "create", {
      policyData: { name: "x", template: "5ade0cfd1f24754c6c5dc9f3", values: Array.from({ length: 3000 }, () => ({ configFieldID: "{{!}}{{!}}{{!}}", value: "{{ missing }}" })) },
    });
    const spread = resolve(many, {});
    expect(spread.issues.length).toBeLessThanOrEqual(101);
    expect(spread.issues.at(-1)!.message).toMatch(/more/);
  });

  it("templates cannot multiply a large input into the parameters", () => {
    const input = { blob: "y".repeat(100_000), object: { list: Array.from({ length: 2000 }, (_, i) => `item-${i}`) } };
    const inline = resolve(config("policy", "create", { policyData: { name: "{{ blob }}".repeat(1000), template: "5ade0cfd1f24754c6c5dc9f3" } }), input);
    expect(inline.valid).toBe(false);
    expect(inline.issues[0]!.message).toContain("templates may add at most 2,000,000 characters");
    expect(size(inline)).toBeLessThan(100_000);
    const whole = resolve(config("policy", "create", { policyData: { name: "x", template: "5ade0cfd1f24754c6c5dc9f3", values: Array.from({ length: 2000 }, () => "{{ object }}") } }), input);
    expect(whole.valid).toBe(false);
    expect(size(whole)).toBeLessThan(3_000_000);
    // Ordinary use is untouched: the same value referenced a few times.
    const fine = resolve(config("policy", "create", { policyData: { name: "{{ blob }}", template: "5ade0cfd1f24754c6c5dc9f3", notes: "{{ blob }}" } }), input);
    expect(fine.issues.filter((issue) => issue.message.includes("2,000,000"))).toEqual([]);
  });
});
