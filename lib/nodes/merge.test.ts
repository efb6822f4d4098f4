import { describe, expect, it } from "vitest";
import { extractParameters, mergeParameters, parameterAliases } from "./merge";

describe("parameterAliases", () => {
  it("maps camelCase and snake_case both ways", () => {
    expect(parameterAliases("policyId")).toEqual(["policyId", "policy_id"]);
    expect(parameterAliases("system_id")).toEqual(["system_id", "systemId"]);
    expect(parameterAliases("xOrgId")).toEqual(["xOrgId", "x_org_id"]);
    expect(parameterAliases("id")).toEqual(["id"]);
  });

  it("does not treat a longer name as an alias", () => {
    expect(extractParameters({ security_policy_id: "p1" }, ["policyId"]).size).toBe(0);
    expect(extractParameters({ policy: "p1", policyIds: ["x"] }, ["policyId"]).size).toBe(0);
  });
});

describe("mergeParameters", () => {
  it("extracts policy_id and system_id into policyId and systemId", () => {
    const result = mergeParameters({
      nodeParameters: {},
      input: { policy_id: "p1", system_id: "s1", other: 1 },
      parameterNames: ["policyId", "systemId", "options"],
    });
    expect(result.parameters).toEqual({ policyId: "p1", systemId: "s1" });
    expect(result.sources).toEqual([
      { path: "policyId", segments: ["policyId"], source: "extracted", inputKey: "policy_id" },
      { path: "systemId", segments: ["systemId"], source: "extracted", inputKey: "system_id" },
    ]);
  });

  it("prefers the exact name over an alias", () => {
    const result = mergeParameters({ nodeParameters: {}, input: { policy_id: "alias", policyId: "exact" }, parameterNames: ["policyId"] });
    expect(result.parameters).toEqual({ policyId: "exact" });
  });

  it("lets node parameters win over extracted ones", () => {
    const result = mergeParameters({
      nodeParameters: { policyId: "from-node", returnAll: false },
      input: { policy_id: "from-input", returnAll: true },
      parameterNames: ["policyId", "returnAll"],
    });
    expect(result.parameters).toEqual({ policyId: "from-node", returnAll: false });
    expect(result.sources.every((source) => source.source === "node")).toBe(true);
  });

  it("merges nested objects per field and replaces arrays", () => {
    const result = mergeParameters({
      nodeParameters: { options: { limit: 50, filter: ["status:eq:failed"] }, policyData: { name: "N" } },
      input: {
        options: { limit: 10, filter: ["a:eq:b", "c:eq:d"], sort: ["-startedAt"] },
        policy_data: { name: "ignored", template: "t1", notes: "from upstream" },
      },
      parameterNames: ["options", "policyData"],
    });
    expect(result.parameters).toEqual({
      options: { limit: 50, filter: ["status:eq:failed"], sort: ["-startedAt"] },
      policyData: { name: "N", template: "t1", notes: "from upstream" },
    });
    expect(result.sources.map((source) => [source.path, source.source, source.inputKey])).toEqual([
      ["options.limit", "node", undefined],
      ["options.filter", "node", undefined],
      ["options.sort", "extracted", "options.sort"],
      ["policyData.name", "node", undefined],
      ["policyData.template", "extracted", "policy_data.template"],
      ["policyData.notes", "extracted", "policy_data.notes"],
    ]);
  });

  it("keeps unknown node parameters so validation can name them, and ignores non-object input", () => {
    const result = mergeParameters({ nodeParameters: { polcyId: "typo" }, input: ["list", "input"], parameterNames: ["policyId"] });
    expect(result.parameters).toEqual({ polcyId: "typo" });
  });

  it("does not mutate the node parameters or the input", () => {
    const nodeParameters = { options: { limit: 5 } };
    const input = { options: { sort: ["name"] } };
    const snapshot = JSON.stringify([nodeParameters, input]);
    mergeParameters({ nodeParameters, input, parameterNames: ["options"] });
    expect(JSON.stringify([nodeParameters, input])).toBe(snapshot);
  });
});
