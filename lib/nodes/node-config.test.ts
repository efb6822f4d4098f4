import { describe, expect, it } from "vitest";
import { parseInputData, parseNodeConfig } from "./node-config";
import { needSharedFile } from "@/lib/testing/shared-files";
import { guidePath, readGuideExamples } from "./test-fixtures/guide-examples";

describe("parseNodeConfig", () => {
  it("accepts every node config of the integration guide", (ctx) => {
    needSharedFile(ctx.skip, guidePath);
    const configs = readGuideExamples().map((example) => example.config);
    expect(configs).toHaveLength(12);
    for (const config of configs) {
      const result = parseNodeConfig(config);
      expect(result).toMatchObject({ ok: true });
      expect(result.ok && result.value).toEqual(config);
    }
  });

  it("accepts credential references as id, name or string", () => {
    const base = { integration_service: "jumpcloud", resource: "policy", operation: "list", parameters: {} };
    for (const credential of ["JumpCloud Production", { id: "c1" }, { name: "JumpCloud Production" }]) {
      expect(parseNodeConfig({ ...base, credential })).toMatchObject({ ok: true });
    }
    expect(parseNodeConfig({ ...base, credential: { id: "c1", name: "x" } })).toMatchObject({ ok: false });
    expect(parseNodeConfig({ integration_service: "jumpcloud", resource: "policy", operation: "list" })).toMatchObject({
      ok: true,
      value: { parameters: {} },
    });
  });

  it("names unknown or missing top-level keys", () => {
    const result = parseNodeConfig({ integration_service: "jumpcloud", resource: "policy", paramaters: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toContain("operation");
    expect(result.issues.some((issue) => issue.message.includes("paramaters"))).toBe(true);
  });

  it("refuses prototype keys anywhere in the parameters, with their location", () => {
    for (const [json, where] of [
      ['{"policyData": {"__proto__": {"isAdmin": true}}}', "parameters.policyData.__proto__"],
      ['{"options": {"filter": [{"constructor": 1}]}}', "parameters.options.filter[0].constructor"],
      ['{"prototype": 1}', "parameters.prototype"],
    ] as const) {
      const config = { integration_service: "jumpcloud", resource: "policy", operation: "create", parameters: JSON.parse(json) as unknown };
      const result = parseNodeConfig(config);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.issues[0]!.path).toBe(where);
      expect(result.issues[0]!.message).toContain("not allowed");
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("bounds depth and size", () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let level = 0; level < 70; level += 1) deep = { next: deep };
    const result = parseNodeConfig({ integration_service: "jumpcloud", resource: "policy", operation: "create", parameters: deep });
    expect(result).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining("deeper than 64") as unknown }] });
    const wide = { items: Array.from({ length: 20_000 }, (_, index) => index) };
    expect(parseNodeConfig({ integration_service: "jumpcloud", resource: "policy", operation: "create", parameters: wide })).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining("more than 10000 values") as unknown }],
    });
  });

  it("refuses values that are not JSON", () => {
    const result = parseNodeConfig({
      integration_service: "jumpcloud",
      resource: "policy",
      operation: "create",
      parameters: { when: new Date(0), n: Number.NaN },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toEqual(["parameters.when", "parameters.n"]);
  });
});

describe("parseInputData", () => {
  it("accepts any JSON document and refuses prototype keys with their location", () => {
    expect(parseInputData([1, "a", { b: null }])).toMatchObject({ ok: true });
    expect(parseInputData(JSON.parse('{"items": [{"__proto__": {}}]}'))).toMatchObject({
      ok: false,
      issues: [{ path: "input.items[0].__proto__" }],
    });
  });
});

describe("NUL characters", () => {
  it("are refused where they occur, since PostgreSQL cannot store them", () => {
    const result = parseNodeConfig({ integration_service: "jumpcloud", resource: "policy", operation: "get", parameters: { policyId: "a\u0000b" } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ path: "parameters.policyId", message: expect.stringContaining("NUL character") });
  });
});
