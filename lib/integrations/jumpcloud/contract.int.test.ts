// Every request the client sends for the 16 operations, and every answer it reads, validates against JumpCloud's
// official OpenAPI spec (../shared/jumpcloud/openapi-v2.yaml), checked by the simulator's contract validator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withRawParameters } from "./testing/raw-client";
import { needSharedFile } from "@/lib/testing/shared-files";
import { loadOpenApiValidator, SPEC_V2_PATH, type OpenApiValidator } from "@/simulator/contract/openapi-validator";
import { createValidatingFetch, type ValidatingFetch } from "@/simulator/contract/validating-fetch";
import { startSimulator, type Simulator } from "@/simulator/server";
import { createJumpCloudClient } from "./client";

let sim: Simulator;
let validator: OpenApiValidator | null;

beforeAll(async () => {
  validator = await loadOpenApiValidator();
  sim = await startSimulator({ port: 0 });
}, 60_000);
afterAll(async () => {
  await sim.close();
});

function checkedClient(checked: ValidatingFetch) {
  return withRawParameters(createJumpCloudClient({
    auth: { type: "apiKey", apiKey: sim.keys.multiOrg, orgId: sim.orgs[0]!.id },
    connection: { region: "us", baseUrl: sim.origin },
    allowedOrigins: [sim.origin],
    fetch: checked.fetch,
    rateLimit: { requestsPerSecond: 2000, burst: 100 },
  }));
}

const idOf = (item: unknown) => (item as { id: string }).id;

describe("client requests and simulator answers follow the official spec", () => {
  it("for all 16 operations, including the integration guide's shapes", async ({ skip }) => {
    needSharedFile(skip, SPEC_V2_PATH);
    const checked = createValidatingFetch(validator!);
    const client = checkedClient(checked);
    const system = sim.systems[0]!;

    const templates = await client.run("policyTemplate", "list", { returnAll: true, options: { sort: ["name"] } });
    const baseline = templates.items.find((t) => (t as { name: string }).name === "windows_security_baseline")!;
    await client.run("policyTemplate", "get", { id: idOf(baseline) });
    const created = await client.run("policy", "create", {
      policyData: { name: "Production Security Baseline - Engineering", template: "windows_security_baseline", notes: "contract" },
      additionalFields: { xOrgId: sim.orgs[0]!.id },
    });
    const policyId = idOf(created.items[0]);
    await client.run("policy", "get", { policyId });
    await client.run("policy", "list", { options: { filter: ["name:eq:Production Security Baseline - Engineering"], sort: ["name"], limit: 5 } });
    await client.run("policy", "update", { policyId, policyData: { notes: "updated" } });
    await client.run("policyAssociation", "manage", { policyId, associationData: { op: "add", type: "system", id: system.id } });
    await client.run("policyAssociation", "list", { policyId, targets: ["system", "system_group"] });
    await client.run("policyTraversal", "getSystems", { policyId, options: { limit: 100, filter: ["os:eq:windows"] } });
    await client.run("policyTraversal", "getSystemGroups", { policyId, options: { returnAll: true } });
    const results = await client.run("policyResult", "listForOrganization", { options: { filter: ["state:ne:success"], sort: ["-startedAt"], limit: 20 } });
    const result = results.items[0] as { id: string; policyID: string; systemID: string };
    await client.run("policyResult", "get", { id: result.id });
    await client.run("policyResult", "listForPolicy", { policyId: result.policyID, options: { fields: ["state", "startedAt"], limit: 10 } });
    await client.run("policyStatus", "listForPolicy", { policyId: result.policyID, returnAll: true });
    await client.run("policyStatus", "listForSystem", { systemId: result.systemID, options: { filter: ["state:eq:failed"], limit: 50 } });
    await client.run("policy", "delete", { policyId });

    const operationIds = new Set(checked.exchanges.map((e) => e.operationId));
    for (const id of [
      "policies_post", "policies_get", "policies_list", "policies_put", "policies_delete",
      "graph_policyAssociationsList", "graph_policyAssociationsPost", "graph_policyTraverseSystem", "graph_policyTraverseSystemGroup",
      "policyresults_get", "policyresults_list", "policyresults_org_list", "policystatuses_policiesList", "policystatuses_systemsList",
      "policytemplates_get", "policytemplates_list",
    ]) {
      expect(operationIds, `no request exercised ${id}`).toContain(id);
    }
    expect(checked.violations()).toEqual([]);
  });

  it("for the error answers the client reads", async ({ skip }) => {
    needSharedFile(skip, SPEC_V2_PATH);
    const checked = createValidatingFetch(validator!);
    const client = checkedClient(checked);
    await expect(client.run("policy", "get", { policyId: "5f4d7c8e9a1b2c3d4e5f6789" })).rejects.toMatchObject({ kind: "policyNotFound" });
    await expect(client.run("policyTemplate", "get", { id: "5f4d7c8e9a1b2c3d4e5f6789" })).rejects.toMatchObject({ kind: "templateNotFound" });
    expect(checked.exchanges.length).toBeGreaterThanOrEqual(2);
    expect(checked.violations()).toEqual([]);
  });
});
