import { describe, expect, it } from "vitest";
import { inputKeys, matchingKeys, openTemplateAt, templateOf } from "./input-keys";

describe("input keys", () => {
  const input = { compliance: { type: "Security Baseline", environment: "Production" }, items: [{ id: "a" }, { id: "b" }], "odd key": 1 };

  it("lists every path a template can read, lists by their first item, odd keys quoted", () => {
    expect(inputKeys(input).map((k) => k.path)).toEqual(["compliance", "compliance.type", "compliance.environment", "items", "items[0]", "items[0].id", '["odd key"]']);
    expect(inputKeys(input)[3]).toMatchObject({ depth: 0, preview: "list of 2" });
    expect(inputKeys(undefined)).toEqual([]);
  });

  it("stays bounded on a large input", () => {
    const big = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
    expect(inputKeys(big)).toHaveLength(300);
  });

  it("finds the unfinished template before the caret, and none after a closed one", () => {
    expect(openTemplateAt("Name {{ compli", 14)).toEqual({ from: 8, typed: "compli" });
    expect(openTemplateAt("{{", 2)).toEqual({ from: 2, typed: "" });
    expect(openTemplateAt("{{ a }} b", 9)).toBeUndefined();
    expect(openTemplateAt("plain", 5)).toBeUndefined();
  });

  it("ranks keys that start with the typed text before those that contain it", () => {
    expect(matchingKeys(inputKeys(input), "i").map((k) => k.path).slice(0, 3)).toEqual(["items", "items[0]", "items[0].id"]);
    expect(matchingKeys(inputKeys(input), "compliance.e").map((k) => k.path)).toEqual(["compliance.environment"]);
    expect(matchingKeys(inputKeys(input), "type").map((k) => k.path)).toEqual(["compliance.type"]);
    expect(templateOf("a.b")).toBe("{{ a.b }}");
  });
});
