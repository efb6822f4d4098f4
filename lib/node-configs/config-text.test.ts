import { describe, expect, it } from "vitest";
import { formatConfig, formatExport, parseConfigText, parseInputText } from "./config-text";

const guide = {
  integration_service: "jumpcloud",
  resource: "policyAssociation",
  operation: "manage",
  parameters: {
    policyId: "{{security_policy_id}}",
    associationData: { op: "add", type: "system_group", id: "{{production_systems_group_id}}" },
  },
};

describe("JSON tab <-> config", () => {
  it("round-trips a guide example unchanged, in the platform's key order", () => {
    const text = formatConfig(guide);
    expect(text).toBe(JSON.stringify(guide, null, 2));
    const parsed = parseConfigText(text);
    expect(parsed).toEqual({ ok: true, config: guide });
  });

  it("orders keys the platform's way whatever order they were pasted in", () => {
    const shuffled = { parameters: {}, operation: "list", resource: "policy", integration_service: "jumpcloud" };
    expect(Object.keys(JSON.parse(formatConfig(shuffled)))).toEqual(["integration_service", "resource", "operation", "parameters"]);
  });

  it("reports a syntax error with line and column", () => {
    const parsed = parseConfigText('{\n  "resource": "policy",\n  oops\n}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]!.message).toMatch(/Not valid JSON \(line 3, column \d+\)/);
  });

  it("reports config shape problems at their path", () => {
    const parsed = parseConfigText(JSON.stringify({ integration_service: "jumpcloud", resource: "policy", operation: "list", parameters: [], extra: 1 }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["parameters"]));
  });

  it("returns an embedded credential beside the config instead of inside it", () => {
    const parsed = parseConfigText(JSON.stringify({ ...guide, credential: "JumpCloud Production" }));
    expect(parsed).toEqual({ ok: true, config: guide, credential: "JumpCloud Production" });
  });
});

describe("input data text", () => {
  it("treats empty text as no input and parses JSON", () => {
    expect(parseInputText("  ")).toEqual({ ok: true, input: undefined });
    expect(parseInputText('{"system_id": "x"}')).toEqual({ ok: true, input: { system_id: "x" } });
  });

  it("refuses prototype keys and broken JSON", () => {
    expect(parseInputText('{"__proto__": {"x": 1}}').ok).toBe(false);
    expect(parseInputText("{").ok).toBe(false);
  });
});

describe("exported node file", () => {
  it("holds the node with its credential name and the sample input, and imports back to all three", () => {
    const input = { security_policy_id: "5f4d7c8e9a1b2c3d4e5f6789" };
    const text = formatExport(guide, { credentialName: "JumpCloud Production", input });
    expect(JSON.parse(text)).toEqual({ node: { ...guide, credential: { name: "JumpCloud Production" } }, input });
    expect(parseConfigText(text)).toEqual({ ok: true, config: guide, credential: { name: "JumpCloud Production" }, input });
    expect(parseConfigText(formatExport(guide, {}))).toEqual({ ok: true, config: guide });
  });

  it("locates problems inside the node and refuses keys beside node and input", () => {
    expect(parseConfigText(JSON.stringify({ node: { ...guide, resource: 1 } }))).toMatchObject({ ok: false, issues: [{ path: "node.resource" }] });
    expect(parseConfigText(JSON.stringify({ node: guide, extra: 1 }))).toMatchObject({ ok: false, issues: [{ path: "extra" }] });
    expect(parseConfigText('{"node": ' + JSON.stringify(guide) + ', "input": {"__proto__": {"x": 1}}}').ok).toBe(false);
  });
});
