import { describe, expect, it } from "vitest";
import { findExample } from "@/lib/nodes/examples";
import { previewNode, type CredentialChoice } from "./live-preview";

const apiKey: CredentialChoice = { id: "c1", name: "JumpCloud Production", service: "jumpcloud", authType: "apiKey", settings: { region: "us", orgId: "org-1" } };
const systemContext: CredentialChoice = { id: "c2", name: "Device", service: "jumpcloud", authType: "systemContext", settings: { region: "us", systemId: "5a1b2c3d4e5f67890abcdef1" } };

const guide = findExample("create-policy-with-templates")!;
const createWithTemplates = guide.config;
const input = guide.input!;

describe("live preview", () => {
  it("resolves the guide's templated create and plans its requests with the key masked", () => {
    const preview = previewNode(createWithTemplates, input, apiKey, []);
    expect(preview.resolved.valid).toBe(true);
    expect(preview.resolved.parameters.policyData).toMatchObject({ name: "Production Security Baseline - Engineering", template: "windows_security_baseline" });
    const create = preview.plan!.requests.at(-1)!;
    expect(create.method).toBe("POST");
    expect(create.url).toBe("https://console.jumpcloud.com/api/v2/policies");
    expect(create.headers["x-api-key"]).toBe("••••");
    expect(create.headers["x-org-id"]).toBe("org-1");
    expect(create.body).toMatchObject({ name: "Production Security Baseline - Engineering" });
  });

  it("labels a value read whole from the input with its input path", () => {
    const preview = previewNode(createWithTemplates, input, apiKey, []);
    expect(preview.resolved.sources).toEqual(expect.arrayContaining([expect.objectContaining({ path: "policyData.template", source: "input", inputKey: "policy_template" })]));
  });

  it("shows a missing variable where it is used, and no plan", () => {
    const preview = previewNode(createWithTemplates, { compliance: input.compliance! }, apiKey, []);
    expect(preview.resolved.valid).toBe(false);
    expect(preview.resolved.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: "policyData.template", message: expect.stringContaining("policy_template") })]));
    expect(preview.plan).toBeUndefined();
  });

  it("explains that System Context cannot run policy operations", () => {
    const preview = previewNode({ integration_service: "jumpcloud", resource: "policy", operation: "list", parameters: {} }, undefined, systemContext, []);
    expect(preview.planError?.kind).toBe("unsupportedAuthType");
    expect(preview.planError?.message).toContain("System Context");
  });

  it("plans a custom base URL only when it is allowed", () => {
    const sim: CredentialChoice = { ...apiKey, settings: { baseUrl: "http://127.0.0.1:4100" } };
    const config = { integration_service: "jumpcloud", resource: "policyTemplate", operation: "list", parameters: { returnAll: true, options: { sort: ["name"] } } };
    expect(previewNode(config, undefined, sim, []).planError?.kind).toBe("hostNotAllowed");
    expect(previewNode(config, undefined, sim, ["http://127.0.0.1:4100"]).plan!.requests[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1:4100\/api\/v2\/policytemplates\?/);
  });

  // About 5 ms a keystroke on a quiet machine; the builder's e2e measures the real figure. This bound only catches
  // work that grows with the input on every keystroke, not a busy machine.
  it("does not re-read a 1 MB input document on every keystroke", () => {
    const big = { system_id: "5a1b2c3d4e5f67890abcdef1", rows: Array.from({ length: 8_000 }, (_, i) => ({ id: i, name: `system-${i}`, tags: ["a", "b"], note: "x".repeat(80) })) };
    expect(JSON.stringify(big).length).toBeGreaterThan(1_000_000);
    const config = { integration_service: "jumpcloud", resource: "policyStatus", operation: "listForSystem", parameters: { systemId: "{{system_id}}", options: { filter: ["status:eq:failed"], limit: 50 } } };
    previewNode(config, big, apiKey, []);
    const started = performance.now();
    for (let i = 0; i < 20; i += 1) previewNode({ ...config, parameters: { ...config.parameters, options: { limit: 50 + i } } }, big, apiKey, []);
    const perKeystroke = (performance.now() - started) / 20;
    expect(perKeystroke).toBeLessThan(250);
  });
});
