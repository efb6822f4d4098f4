import { describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/json/json-value";
import { parseTemplate, previewTemplate, renderString, renderTemplates } from "./templates";

const guideInput = {
  compliance: { type: "Security Baseline", environment: "Production", department: "Engineering" },
  policy_template: "windows_security_baseline",
};

describe("renderTemplates", () => {
  it("renders the integration guide's template example", () => {
    const parameters = {
      policyData: {
        name: "{{compliance.environment}} {{compliance.type}} - {{compliance.department}}",
        template: "{{policy_template}}",
      },
    };
    const result = renderTemplates(parameters, guideInput);
    expect(result.issues).toEqual([]);
    expect(result.value).toEqual({
      policyData: { name: "Production Security Baseline - Engineering", template: "windows_security_baseline" },
    });
    expect(result.references).toEqual([{ parameterPath: ["policyData", "template"], inputPath: "policy_template" }]);
  });

  it("keeps the JSON type of a value that is exactly one template", () => {
    const input = { n: 50, yes: true, no: false, none: null, list: ["system", "system_group"], obj: { a: 1 }, s: "x" };
    const { value } = renderTemplates(
      { n: "{{ n }}", yes: "{{yes}}", no: "{{ no }}", none: "{{none}}", list: "{{ list }}", obj: "{{obj}}", s: "{{s}}", nested: ["{{ n }}"] },
      input,
    );
    expect(value).toEqual({ n: 50, yes: true, no: false, none: null, list: ["system", "system_group"], obj: { a: 1 }, s: "x", nested: [50] });
  });

  it("stringifies values inside longer text, objects as JSON", () => {
    const input = { n: 5, ok: true, obj: { a: [1, "b"] }, list: [1, 2], none: null };
    expect(renderString("limit={{n}} ok={{ok}} obj={{obj}} list={{list}} none={{none}}", input)).toEqual({
      ok: true,
      value: 'limit=5 ok=true obj={"a":[1,"b"]} list=[1,2] none=null',
    });
    expect(renderString(" {{n}}", input)).toEqual({ ok: true, value: " 5" });
  });

  it("follows indexes, quoted keys and whitespace inside the braces", () => {
    const input: JsonValue = { items: [{ id: "a" }, { id: "b", "odd key": { "x-org-id": "org1" } }], "top level": 1 };
    expect(renderString("{{ items[1].id }}", input)).toEqual({ ok: true, value: "b" });
    expect(renderString('{{items[1]["odd key"]["x-org-id"]}}', input)).toEqual({ ok: true, value: "org1" });
    expect(renderString("{{ items[1]['odd key'].x-org-id }}", input)).toEqual({ ok: true, value: "org1" });
    expect(renderString('{{ ["top level"] }}', input)).toEqual({ ok: true, value: 1 });
    expect(renderString("{{ items.0.id }}", input)).toEqual({ ok: true, value: "a" });
    expect(renderString("{{ [0] }}", ["first"])).toEqual({ ok: true, value: "first" });
  });

  it("leaves strings without templates and all keys untouched", () => {
    const parameters = { "{{a}}": "plain", filter: ["status:eq:failed"], n: 3 };
    expect(renderTemplates(parameters, { a: 1 }).value).toEqual(parameters);
  });

  it("reports a missing variable with the parameter path, offset and what the input has", () => {
    const result = renderTemplates({ policyData: { name: "Policy for {{ compliance.region }}" } }, guideInput);
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue).toMatchObject({ code: "missingVariable", variable: "compliance.region", parameterPath: "policyData.name", start: 11, end: 34 });
    expect(issue!.message).toContain('"compliance.region"');
    expect(issue!.message).toContain("policyData.name");
    expect(issue!.message).toContain("character 11");
    expect(issue!.message).toContain("type, environment, department");
  });

  it("reports every problem in a string, never rendering an empty string", () => {
    const result = renderString("{{a}}-{{b}}-{{c[3]}}", { c: [1] }, "name");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => [issue.variable, issue.start])).toEqual([
      ["a", 0],
      ["b", 6],
      ["c[3]", 12],
    ]);
    expect(result.issues[2]!.message).toContain("1 item(s)");
  });

  it("explains paths that go through a value that is not an object", () => {
    const result = renderString("{{ a.b.c }}", { a: { b: "text" } });
    expect(result).toMatchObject({ ok: false, issues: [{ code: "notTraversable" }] });
    const list = renderString("{{ items.name }}", { items: [1] });
    expect(list).toMatchObject({ ok: false, issues: [{ code: "notTraversable" }] });
  });

  it("reports a missing input distinctly from a missing variable", () => {
    expect(renderString("{{ a }}", undefined)).toMatchObject({ ok: false, issues: [{ code: "noInput" }] });
  });
});

describe("templates cannot run code or leave the input data", () => {
  const input: JsonValue = { a: { b: 1 }, list: [1, 2, 3], text: "hello" };
  it.each([
    ["{{ constructor }}", "forbidden"],
    ["{{ __proto__.x }}", "forbidden"],
    ["{{ a.__proto__ }}", "forbidden"],
    ['{{ a["constructor"] }}', "forbidden"],
    ["{{ a.constructor.prototype }}", "forbidden"],
    ["{{ a.toString() }}", "syntax"],
    ["{{ text.length }}", "notTraversable"],
    ["{{ list.length }}", "notTraversable"],
    ["{{ a.hasOwnProperty }}", "missingVariable"],
    ["{{ toString }}", "missingVariable"],
    ["{{ process.env }}", "missingVariable"],
    ["{{ globalThis }}", "missingVariable"],
    ["{{ {{ a }} }}", "syntax"],
    ["{{ a.b + 1 }}", "syntax"],
    ["{{ a.b | upper }}", "syntax"],
    ["{{ a ? 1 : 2 }}", "syntax"],
    ["{{ `${a}` }}", "syntax"],
    ["{{ a[b] }}", "syntax"],
    ["{{ }}", "syntax"],
    ["{{ a.b", "unclosed"],
    ["{{ (() => 1)() }}", "syntax"],
  ])("refuses %s", (template, code) => {
    const result = renderString(template, input, "p");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.code).toBe(code);
    if (code === "syntax" || code === "forbidden") expect(result.issues[0]!.message).toContain("names joined by dots");
  });

  it("does not read through a prototype-polluted object", () => {
    const polluted = JSON.parse('{"__proto__": {"secret": "x"}}') as JsonValue;
    expect(renderString("{{ secret }}", polluted)).toMatchObject({ ok: false, issues: [{ code: "missingVariable" }] });
  });
});

describe("fallbacks: defaults that the input can override", () => {
  it("uses the input's value when it is there, and the fallback when it is missing or null", () => {
    expect(renderString("{{ limit ?? 50 }}", { limit: 20 })).toEqual({ ok: true, value: 20 });
    expect(renderString("{{ limit ?? 50 }}", { other: 1 })).toEqual({ ok: true, value: 50 });
    expect(renderString("{{ limit ?? 50 }}", { limit: null })).toEqual({ ok: true, value: 50 });
    expect(renderString("{{ limit ?? 50 }}", undefined)).toEqual({ ok: true, value: 50 });
    expect(renderString("{{ a.b ?? 1 }}", { a: "text" })).toEqual({ ok: true, value: 1 });
  });

  it("takes JSON literals and other paths as fallbacks, each keeping its type", () => {
    const input = { defaults: { org: "5f4d7c8e9a1b2c3d4e5f6789", all: true } };
    expect(renderString("{{ org ?? defaults.org }}", input)).toEqual({ ok: true, value: "5f4d7c8e9a1b2c3d4e5f6789" });
    expect(renderString('{{ env ?? "Production" }} policy', input)).toEqual({ ok: true, value: "Production policy" });
    expect(renderString("{{ a ?? b ?? true }}", input)).toEqual({ ok: true, value: true });
    expect(renderString("{{ a ?? null }}", input)).toEqual({ ok: true, value: null });
    expect(renderString("{{ a ?? -1.5 }}", input)).toEqual({ ok: true, value: -1.5 });
    expect(renderString('{{ a["x??y"] ?? 2 }}', { a: { "x??y": 1 } })).toEqual({ ok: true, value: 1 });
  });

  it("labels the value as input data only when the input supplied it", () => {
    expect(renderTemplates({ options: { limit: "{{ limit ?? 50 }}" } }, { limit: 5 }).references).toEqual([
      { parameterPath: ["options", "limit"], inputPath: "limit" },
    ]);
    expect(renderTemplates({ options: { limit: "{{ limit ?? 50 }}" } }, {}).references).toEqual([]);
  });

  it("reports a missing value when every alternative is missing, and malformed fallbacks as syntax errors", () => {
    const missing = renderString("{{ a ?? b }}", { c: 1 }, "p");
    expect(missing).toMatchObject({ ok: false, issues: [{ code: "missingVariable" }] });
    if (!missing.ok) expect(missing.issues[0]!.message).toContain("no fallback after ?? is present");
    for (const bad of ["{{ a ?? }}", "{{ ?? 1 }}", "{{ a ?? 1 + 2 }}", "{{ a ?? 'x' }}", "{{ a ?? b() }}"]) {
      expect(renderString(bad, { a: 1 }), bad).toMatchObject({ ok: false, issues: [{ code: "syntax" }] });
    }
  });

  it("keeps a lone number a path into the input, as before", () => {
    expect(renderString("{{ 50 }}", { "50": "fifty" })).toEqual({ ok: true, value: "fifty" });
  });
});

describe("date helpers", () => {
  const now = Date.parse("2026-11-20T12:00:00.000Z");

  it("render ISO instants relative to the time of rendering", () => {
    expect(renderString("{{ $now() }}", undefined, "", { now })).toEqual({ ok: true, value: "2026-11-20T12:00:00.000Z" });
    expect(renderString("{{ $daysAgo(7) }}", undefined, "", { now })).toEqual({ ok: true, value: "2026-11-13T12:00:00.000Z" });
    expect(renderString("{{ $hoursAgo( 6 ) }}", {}, "", { now })).toEqual({ ok: true, value: "2026-11-20T06:00:00.000Z" });
    expect(renderString("startedAt:gt:{{ $daysAgo(1) }}", {}, "", { now })).toEqual({ ok: true, value: "startedAt:gt:2026-11-19T12:00:00.000Z" });
    expect(renderString("{{ since ?? $daysAgo(30) }}", {}, "", { now })).toEqual({ ok: true, value: "2026-10-21T12:00:00.000Z" });
  });

  it("refuse unknown helpers and bad arguments, and never evaluate anything else", () => {
    for (const bad of ["{{ $eval(1) }}", "{{ $daysAgo() }}", "{{ $daysAgo(x) }}", "{{ $daysAgo(-1) }}", "{{ $now(1) }}", "{{ $daysAgo(1, 2) }}", "{{ $constructor() }}"]) {
      const result = renderString(bad, {}, "p", { now });
      expect(result, bad).toMatchObject({ ok: false, issues: [{ code: "syntax" }] });
    }
  });
});

describe("previewTemplate", () => {
  it("splits text into literal and resolved segments for inline display", () => {
    const segments = previewTemplate("{{compliance.environment}} - {{ missing }}!", guideInput, "policyData.name");
    expect(segments).toEqual([
      { kind: "template", source: "{{compliance.environment}}", expression: "compliance.environment", start: 0, end: 26, ok: true, value: "Production", text: "Production" },
      { kind: "literal", text: " - ", start: 26, end: 29 },
      expect.objectContaining({ kind: "template", expression: "missing", ok: false, error: expect.objectContaining({ code: "missingVariable", parameterPath: "policyData.name" }) }),
      { kind: "literal", text: "!", start: 42, end: 43 },
    ]);
  });

  it("parses without input for syntax highlighting", () => {
    expect(parseTemplate("a {{ b[0] }} c")).toEqual([
      { kind: "literal", text: "a ", start: 0, end: 2 },
      { kind: "template", source: "{{ b[0] }}", expression: "b[0]", start: 2, end: 12, parsed: { operands: [{ kind: "path", path: ["b", 0], text: "b[0]" }] } },
      { kind: "literal", text: " c", start: 12, end: 14 },
    ]);
  });
});

describe("performance", () => {
  it("renders a config against a 1 MB input in a few milliseconds", () => {
    const records = Array.from({ length: 5000 }, (_, index) => ({
      id: `id-${index}`,
      name: `system ${index}`,
      tags: ["a", "b", "c"],
      attributes: { os: "windows", version: index, note: "x".repeat(100) },
    }));
    const input = { system_id: "5a1b2c3d4e5f67890abcdef1", records, compliance: guideInput.compliance };
    const text = JSON.stringify(input);
    expect(text.length).toBeGreaterThan(1_000_000);
    const parameters = {
      systemId: "{{system_id}}",
      policyData: { name: "{{compliance.environment}} {{ records[4999].name }} - {{records[2500].attributes.os}}" },
      options: { filter: ["systemID:eq:{{ system_id }}"], limit: 50 },
    };
    renderTemplates(parameters, input);
    const started = performance.now();
    for (let round = 0; round < 10; round += 1) renderTemplates(parameters, input);
    const perRender = (performance.now() - started) / 10;
    expect(perRender).toBeLessThan(50);
    expect(renderTemplates(parameters, input).value).toMatchObject({ policyData: { name: "Production system 4999 - windows" } });
  });
});
