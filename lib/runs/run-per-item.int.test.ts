// Per-item execution (runPerItem) through executeNode: one call per input item with items[i] its output or error,
// every item validated before anything is sent, continue-on-error, and the guide's `manage` example assigning one
// policy to a list of groups in one run; the sync operation applied twice through a node.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulatorFixture, type SimulatorFixture } from "@/lib/testing/simulator-fixture";
import { createCredential } from "@/lib/credentials/credential-store";
import { db } from "@/lib/db";
import { rejection } from "@/lib/testing/rejection";
import type { JsonObject, JsonValue } from "@/lib/json/json-value";
import type { NodeConfig } from "@/lib/nodes/node-config";
import { executeNode } from "./execute-node";

let fixture: SimulatorFixture;
let exampleCredential: string;
let groups: string[];
let policyId: string;

beforeAll(async () => {
  fixture = await startSimulatorFixture({ seed: 2424, size: { systemGroups: 8, systems: 20, policies: 3, policyResults: 50 } });
  exampleCredential = (await createCredential({ name: `per-item-${Date.now()}`, description: "", service: "example", authType: "token", fields: { token: "example-token" } }, fixture.context)).id;
  const headers = { "x-api-key": fixture.sim.keys.singleOrg, "content-type": "application/json" };
  groups = ((await (await fetch(`${fixture.sim.origin}/api/v2/systemgroups?limit=100`, { headers })).json()) as Array<{ id: string }>).map((g) => g.id);
  const [template] = (await (await fetch(`${fixture.sim.origin}/api/v2/policytemplates?limit=1`, { headers })).json()) as Array<{ id: string }>;
  const created = await fetch(`${fixture.sim.origin}/api/v2/policies`, { method: "POST", headers, body: JSON.stringify({ name: "Per item", template: { id: template!.id } }) });
  policyId = ((await created.json()) as { id: string }).id;
});
afterAll(() => fixture.close());

const say = (runPerItem: NodeConfig["runPerItem"], parameters: JsonObject = { name: "{{ who }}" }): NodeConfig => ({
  integration_service: "example",
  resource: "greeting",
  operation: "say",
  parameters,
  credential: { id: exampleCredential },
  ...(runPerItem === undefined ? {} : { runPerItem }),
});

describe("runPerItem", () => {
  it("runs once per input item, items[i] holding item i's output, and records one run", async () => {
    const input: JsonValue = [{ who: "Ada" }, { who: "Grace" }, { who: "Linus" }];
    const result = await executeNode({ config: say({ concurrency: 2 }), input, via: "api" }, fixture.context);
    expect(result.items).toEqual([
      { index: 0, status: "success", output: [{ message: "Hello, Ada!", index: 0 }] },
      { index: 1, status: "success", output: [{ message: "Hello, Grace!", index: 0 }] },
      { index: 2, status: "success", output: [{ message: "Hello, Linus!", index: 0 }] },
    ]);
    expect(result.meta.requests).toBe(3);
    const run = await db.run.findUniqueOrThrow({ where: { id: result.meta.runId } });
    expect(run).toMatchObject({ status: "success", itemCount: 3 });
    expect((run.resultSample as unknown[])[1]).toMatchObject({ index: 1, output: [{ message: "Hello, Grace!" }] });
    // Without the setting, an array input is one document, as before.
    const whole = await rejection(executeNode({ config: say(undefined), input, via: "api" }, fixture.context));
    expect(whole.kind).toBe("invalidConfig");
  });

  it("sends nothing while any item is invalid, naming the item", async () => {
    const error = await rejection(executeNode({ config: say(true), input: [{ who: "Ada" }, { nobody: 1 }], via: "api" }, fixture.context));
    expect(error.kind).toBe("invalidConfig");
    expect(error.message).toMatch(/^Item 2 of 2: /);
    expect(await db.run.findUniqueOrThrow({ where: { id: error.runId! } })).toMatchObject({ status: "error", requests: 0 });
  });

  it("with continueOnError reports a failed item beside the others", async () => {
    const result = await executeNode({ config: say({ continueOnError: true }), input: [{ who: "Ada" }, { nobody: 1 }, { who: "Linus" }], via: "api" }, fixture.context);
    expect(result.items.map((item) => (item as { status: string }).status)).toEqual(["success", "error", "success"]);
    expect(result.items[1]).toMatchObject({ index: 1, error: { kind: "invalidConfig" } });
    expect(result.meta.warnings.map((w) => w.code)).toContain("itemsFailed");
  });

  it("assigns one policy to a list of groups with the guide's manage node, one call per group", async () => {
    const manage = (runPerItem: NodeConfig["runPerItem"]): NodeConfig => ({
      integration_service: "jumpcloud",
      resource: "policyAssociation",
      operation: "manage",
      parameters: { policyId, associationData: { op: "add", type: "system_group", id: "{{ group_id }}" } },
      credential: { id: fixture.credentialId },
      runPerItem,
    });
    const input = [{ group_id: groups[0]! }, { group_id: groups[1]! }, { group_id: "0123456789abcdef01234567" }];
    const result = await executeNode({ config: manage({ continueOnError: true, concurrency: 3 }), input, via: "api" }, fixture.context);
    expect(result.items[0]).toMatchObject({ status: "success", output: [{ op: "add", id: groups[0], success: true }] });
    expect(result.items[1]).toMatchObject({ status: "success" });
    expect(result.items[2]).toMatchObject({ status: "error", error: { kind: "targetNotFound", guidance: expect.any(String) } });

    // Stop on error (the default): the first failure fails the run, naming its item.
    const stopped = await rejection(executeNode({ config: manage(true), input: input.slice(0, 1), via: "api" }, fixture.context));
    expect(stopped.kind).toBe("conflict");
    expect(stopped.message).toMatch(/^Item 1 of 1: /);
  });
});

describe("sync through a node", () => {
  it("applies a list of groups from the input, and a second run changes nothing", async () => {
    const config: NodeConfig = {
      integration_service: "jumpcloud",
      resource: "policyAssociation",
      operation: "sync",
      parameters: { policyId, targets: "{{ groups }}", targetType: "system_group", mode: "exact" },
      credential: { id: fixture.credentialId },
    };
    const input = { groups: groups.slice(2, 7).map((id) => ({ id, name: `group ${id}` })) };
    const dry = await executeNode({ config: { ...config, parameters: { ...config.parameters, dryRun: true } }, input, via: "api" }, fixture.context);
    expect(dry.items.map((i) => (i as { outcome: string }).outcome).sort()).toEqual([...Array(5).fill("planned"), "planned", "planned"].sort());
    const first = await executeNode({ config, input, via: "api" }, fixture.context);
    const outcomes = (items: unknown[]) => items.map((i) => `${(i as { action: string }).action}:${(i as { outcome: string }).outcome}`).sort();
    expect(outcomes(first.items)).toEqual([...Array(5).fill("add:added"), "remove:removed", "remove:removed"].sort());
    const second = await executeNode({ config, input, via: "api" }, fixture.context);
    expect(outcomes(second.items)).toEqual(Array(5).fill("unchanged:alreadyPresent"));
    expect(second.meta.requests).toBe(2); // one read per target type
  });
});
