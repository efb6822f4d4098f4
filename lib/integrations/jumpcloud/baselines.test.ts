import { describe, expect, it } from "vitest";
import type { IntegrationClient } from "../types";
import { sameJson } from "@/lib/json/json-value";
import { diffPolicy, jumpcloudBaselines, toPolicyState } from "./baselines";

const details = {
  id: "5f4d7c8e9a1b2c3d4e5f6789",
  name: "Windows - Engineering",
  notes: "",
  template: { id: "t1", name: "windows_security_baseline" },
  configFields: [
    { id: "f1", name: "minimumPasswordLength" },
    { id: "f2", name: "apiSecret", sensitive: true },
    { id: "f3", name: "allowList" },
  ],
  values: [
    { configFieldID: "f1", value: 14 },
    { configFieldID: "f2", value: "****" },
    { configFieldID: "f3", value: { b: 1, a: [1, 2] } },
  ],
};
const associations = [
  { to: { id: "s1", type: "system" } },
  { to: { id: "g1", type: "system_group" } },
  { to: { id: "s1", type: "system" } },
];

describe("JumpCloud baselines", () => {
  const state = toPolicyState(details, associations)!;

  it("reads a policy's state: values by field with names, associations once each, secrets marked", () => {
    expect(state.template).toEqual({ id: "t1", name: "windows_security_baseline" });
    expect(state.associations).toEqual([
      { type: "system", id: "s1" },
      { type: "system_group", id: "g1" },
    ]);
    expect(state.values.find((v) => v.field === "f2")).toMatchObject({ name: "apiSecret", sensitive: true });
    expect(toPolicyState({ name: "no id" }, [])).toBeUndefined();
  });

  it("compares values as JSON whatever the key order, and never compares masked secrets", () => {
    expect(sameJson({ b: 1, a: [1, 2] }, { a: [1, 2], b: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    const actual = { ...state, values: state.values.map((v) => (v.field === "f3" ? { ...v, value: { a: [1, 2], b: 1 } } : v.field === "f2" ? { ...v, value: "••••" } : v)) };
    expect(diffPolicy(state, actual)).toEqual([]);
  });

  it("names each difference with a stable key", () => {
    const actual = {
      ...state,
      name: "Renamed",
      notes: "edited",
      values: state.values.map((v) => (v.field === "f1" ? { ...v, value: 8 } : v)),
      associations: [{ type: "system", id: "s1" }, { type: "system", id: "s2" }],
    };
    const found = diffPolicy(state, actual);
    expect(found.map((f) => f.key).sort()).toEqual([
      `assoc+:${state.id}:system:s2`,
      `assoc-:${state.id}:system_group:g1`,
      `name:${state.id}`,
      `notes:${state.id}`,
      `value:${state.id}:f1`,
    ]);
    expect(found.find((f) => f.kind === "valueChanged")).toMatchObject({ subject: "minimumPasswordLength", expected: 14, actual: 8 });
    expect(diffPolicy(state, undefined)).toEqual([expect.objectContaining({ kind: "policyDeleted", key: `deleted:${state.id}` })]);
  });

  it("refuses to revert what cannot be put back, without reading anything", async () => {
    const never = () => Promise.reject(new Error("no request expected"));
    const client = { run: never, testConnection: never, plan: never } as unknown as IntegrationClient;
    const [deleted] = diffPolicy(state, undefined);
    expect(await jumpcloudBaselines.planRevert({ targetTypes: [], planAssociations: never, planPolicyUpdate: never, applyPlan: never }, client, deleted!, state)).toMatchObject({ plan: null, refusal: expect.stringMatching(/deleted policy/) });
  });
});
