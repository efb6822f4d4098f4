import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { needSharedFile, sharedFile } from "@/lib/testing/shared-files";
import { validateParameters } from "../../parameters";
import { findOperation, operations } from "./index";

const specPath = sharedFile("jumpcloud/openapi-v2.yaml");

describe("operation registry", () => {
  it("holds the 16 operations of the integration guide and sync, with unique resource/operation pairs", () => {
    expect(operations).toHaveLength(17);
    expect(new Set(operations.map((o) => `${o.resource}.${o.operation}`)).size).toBe(17);
    for (const [resource, ops] of Object.entries({
      policy: ["create", "get", "list", "update", "delete"],
      policyAssociation: ["list", "manage", "sync"],
      policyTraversal: ["getSystems", "getSystemGroups"],
      policyResult: ["get", "listForPolicy", "listForOrganization"],
      policyStatus: ["listForPolicy", "listForSystem"],
      policyTemplate: ["get", "list"],
    })) {
      for (const op of ops) expect(findOperation(resource, op), `${resource}.${op}`).toBeDefined();
    }
  });

  it("states per endpoint which list options it supports and that System Context runs none of them", () => {
    expect(findOperation("policyAssociation", "list")!.listOptions).toEqual(["limit", "skip"]);
    expect(findOperation("policyTraversal", "getSystems")!.listOptions).toEqual(["limit", "skip", "filter"]);
    expect(findOperation("policy", "list")!.listOptions).toEqual(["limit", "skip", "filter", "sort", "fields"]);
    for (const op of operations) {
      expect(op.authTypes).toEqual(["apiKey", "serviceAccount"]);
      expect(op.label).not.toBe("");
      expect(op.description).not.toBe("");
      for (const p of op.parameters) expect(p.help.length, `${op.operation}.${p.name}`).toBeGreaterThan(5);
    }
  });

  it("every operation's example parameters validate", () => {
    for (const op of operations) expect(validateParameters(op, op.example), `${op.resource}.${op.operation}`).toMatchObject({ ok: true });
  });

  it("validating already-validated parameters gives the same result (the node layer validates first)", () => {
    for (const op of operations) {
      const once = op.schema.parse(op.example);
      expect(op.schema.parse(once)).toEqual(once);
    }
  });

  it("every method and path exists in the official OpenAPI spec", ({ skip }) => {
    needSharedFile(skip, specPath);
    const spec = readFileSync(specPath, "utf8");
    for (const op of operations) {
      const at = spec.indexOf(`\n  ${op.path}:\n`);
      expect(at, op.path).toBeGreaterThan(0);
      const block = spec.slice(at, spec.indexOf("\n  /", at + 5));
      expect(block, `${op.method} ${op.path}`).toContain(`\n    ${op.method.toLowerCase()}:`);
    }
  });
});
