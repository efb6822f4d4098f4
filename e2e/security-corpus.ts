// A generated corpus of hostile requests for the execute and preview endpoints: each must get a clear 4xx.
export interface HostileCase {
  name: string;
  /** A JSON value to send, or raw bytes/text when `raw` is set. */
  body?: unknown;
  raw?: string;
  contentType?: string;
}

const deep = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < levels; i += 1) value = { a: value };
  return value;
};

const node = (overrides: Record<string, unknown>, parameters: unknown = { policyId: "5f4d7c8e9a1b2c3d4e5f6789" }) => ({
  node: { integration_service: "jumpcloud", resource: "policy", operation: "get", parameters, credential: "no-such-credential", ...overrides },
});

const WRONG_TYPES: unknown[] = [null, 0, -1.5, true, "", [], {}, [1, 2], { $gt: "" }, "x".repeat(100_000)];
const BAD_NAMES = ["../../etc/passwd", "policy; DROP TABLE \"Run\"", "pólicy", "exec", "__proto__", "constructor", "a".repeat(65), "1policy"];
const TEMPLATES = [
  "{{constructor.constructor('return process')()}}",
  "{{ __proto__.polluted }}",
  "{{ process.env.DATABASE_URL }}",
  "{{ a; b }}",
  "{{",
  "}}{{",
  "{{ a[0 }}",
  "{{ a.constructor.prototype }}",
  "${process.env.AUTH_SECRET}",
  "{{ require('child_process') }}",
  "{{ missing.path.here }}",
  `{{ ${"a.".repeat(5000)}b }}`,
];
const BAD_IDS: unknown[] = ["", "../../admin", "5f4d' OR 1=1 --", "%2e%2e%2f", "\u0000", "5f4d7c8e9a1b2c3d4e5f678", "zzzzzzzzzzzzzzzzzzzzzzzz", 123, { $ne: null }, ["5f4d7c8e9a1b2c3d4e5f6789"], "x".repeat(10_000)];
const BAD_FILTERS: unknown[] = ["status:eq:failed", ["bad"], ["status:xx:1"], [1], [""], ["a:eq"], [`name:eq:${"x".repeat(100_000)}`], [{ field: "status" }], ["::"]];
const PROTO_KEYS = ["__proto__", "constructor", "prototype"];

export function hostileCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const body of WRONG_TYPES) cases.push({ name: `body ${JSON.stringify(body).slice(0, 30)}`, body });
  for (const value of WRONG_TYPES) cases.push({ name: `node = ${JSON.stringify(value).slice(0, 30)}`, body: { node: value } });
  for (const value of WRONG_TYPES) cases.push({ name: `nodeId = ${JSON.stringify(value).slice(0, 30)}`, body: { nodeId: value } });
  for (const field of ["integration_service", "resource", "operation"]) {
    for (const value of [...WRONG_TYPES, ...BAD_NAMES]) cases.push({ name: `${field} = ${JSON.stringify(value).slice(0, 30)}`, body: node({ [field]: value }) });
    cases.push({ name: `${field} missing`, body: { node: Object.fromEntries(Object.entries(node({}).node).filter(([key]) => key !== field)) } });
  }
  for (const value of WRONG_TYPES.filter((v) => typeof v !== "object" || v === null || Array.isArray(v))) {
    cases.push({ name: `parameters = ${JSON.stringify(value).slice(0, 30)}`, body: node({}, value) });
  }
  for (const value of [...WRONG_TYPES, { id: 1 }, { id: "a", name: "b" }]) cases.push({ name: `credential = ${JSON.stringify(value).slice(0, 30)}`, body: node({ credential: value }) });
  for (const template of TEMPLATES) {
    cases.push({ name: `template ${template.slice(0, 40)}`, body: { ...node({}, { policyId: template }), input: { a: [1] } } });
    cases.push({ name: `template in name ${template.slice(0, 30)}`, body: { ...node({ operation: "create" }, { policyData: { name: template, template: "x" } }), input: {} } });
  }
  for (const id of BAD_IDS) cases.push({ name: `policyId = ${JSON.stringify(id).slice(0, 30)}`, body: node({}, { policyId: id }) });
  for (const filter of BAD_FILTERS) {
    cases.push({ name: `filter ${JSON.stringify(filter).slice(0, 30)}`, body: node({ operation: "list" }, { options: { filter } }) });
  }
  cases.push({ name: "limit -1", body: node({ operation: "list" }, { options: { limit: -1 } }) });
  cases.push({ name: "limit 1e9", body: node({ operation: "list" }, { options: { limit: 1e9 } }) });
  cases.push({ name: "sort by a secret field", body: node({ operation: "list" }, { options: { sort: ["$where"] } }) });
  cases.push({ name: "parameters nested 200 deep", body: node({}, { policyId: "5f4d7c8e9a1b2c3d4e5f6789", extra: deep(200) }) });
  cases.push({ name: "input nested 200 deep", body: { ...node({}), input: deep(200) } });
  cases.push({ name: "input nested 5000 deep", raw: `{"node":${JSON.stringify(node({}).node)},"input":${"[".repeat(5000)}${"]".repeat(5000)}}` });
  cases.push({ name: "20,000 parameters", body: node({}, Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`p${i}`, i]))) });
  cases.push({ name: "a 1.5 MB input string", body: { ...node({}), input: { big: "x".repeat(1_500_000) } } });
  cases.push({ name: "a 2 MB parameter string", body: node({}, { policyId: "x".repeat(2_000_000) }) });
  for (const key of PROTO_KEYS) {
    // Written as text: a JS object literal would set the prototype instead of sending the key.
    cases.push({ name: `${key} in parameters`, raw: `{"node":{"integration_service":"jumpcloud","resource":"policy","operation":"get","parameters":{"${key}":{"polluted":true},"policyId":"5f4d7c8e9a1b2c3d4e5f6789"}}}` });
    cases.push({ name: `${key} in input`, raw: `{"node":${JSON.stringify(node({}).node)},"input":{"${key}":{"polluted":true}}}` });
    cases.push({ name: `${key} in node`, raw: `{"node":{"${key}":{"polluted":true},"integration_service":"jumpcloud","resource":"policy","operation":"get"}}` });
    cases.push({ name: `${key} at the top`, raw: `{"${key}":{"polluted":true},"nodeId":"x"}` });
  }
  cases.push({ name: "node and nodeId", body: { ...node({}), nodeId: "x" } });
  cases.push({ name: "an unknown top-level key", body: { ...node({}), run: "now" } });
  for (const raw of ["{", "[", "nul", "{'a':1}", '{"a":1,}', '{"a":1}}', "\u0000", '"just a string', "NaN", "{\"a\": Infinity}", "﻿"]) {
    cases.push({ name: `invalid JSON ${JSON.stringify(raw)}`, raw });
  }
  for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "", "application/jsonp", "text/json"]) {
    cases.push({ name: `content type "${contentType}"`, raw: JSON.stringify(node({})), contentType });
  }
  return cases;
}
