// The guide's compliance examples through executeNode against the simulator: what they return comes with the
// warnings a caller needs to read it right, in the result and on the run record; strict refuses before sending.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { JsonObject } from "@/lib/json/json-value";
import { startSimulatorFixture, type SimulatorFixture } from "@/lib/testing/simulator-fixture";
import { executeNode } from "./execute-node";

let fixture: SimulatorFixture;

beforeAll(async () => {
  fixture = await startSimulatorFixture();
});

afterAll(() => fixture.close());

const node = (resource: string, operation: string, parameters: JsonObject) => ({ integration_service: "jumpcloud", resource, operation, parameters, credential: { id: fixture.credentialId } });

describe("the guide's compliance examples", () => {
  it("organization results with status:ne:success and -timestamp: 10 items, and the warnings that say why", async () => {
    const result = await executeNode(
      { config: node("policyResult", "listForOrganization", { options: { filter: ["status:ne:success"], sort: ["-timestamp"] } }), input: undefined, via: "api" },
      fixture.context,
    );
    // JumpCloud treats the missing field as never equal, so ne matches every result: a page of 10 of 2,000.
    expect(result.items).toHaveLength(10);
    expect(result.meta.warnings.map((w) => [w.code, w.path])).toEqual([
      ["unknownField", "options.filter[0]"],
      ["unknownField", "options.sort[0]"],
      ["moreRecords", "returnAll"],
    ]);
    expect(result.meta.warnings[0]!.fix).toEqual({ label: "Use state", value: "state:ne:success" });
    const run = await db.run.findUniqueOrThrow({ where: { id: result.meta.runId } });
    expect(run.warnings).toEqual(result.meta.warnings);
  });

  it("statuses for a system with status:eq:failed: no items, and a warning instead of a silent empty result", async () => {
    const systemId = fixture.sim.systems[0]!.id;
    const result = await executeNode(
      { config: node("policyStatus", "listForSystem", { systemId: "{{system_id}}", options: { filter: ["status:eq:failed"], limit: 50 } }), input: { system_id: systemId }, via: "api" },
      fixture.context,
    );
    expect(result.items).toEqual([]);
    expect(result.meta.warnings).toMatchObject([{ code: "unknownField", fix: { value: "state:eq:failed" } }]);
  });

  it("strict refuses the unknown field before any request, and records the refusal with its reason", async () => {
    fixture.sim.resetStats();
    const error = await executeNode(
      { config: node("policyResult", "listForOrganization", { options: { filter: ["status:ne:success"], strict: true } }), input: undefined, via: "api" },
      fixture.context,
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: "invalidConfig", path: "options.filter[0]" });
    expect(fixture.sim.stats().requests).toBe(0);
    const run = await db.run.findUniqueOrThrow({ where: { id: (error as AppError).runId! } });
    expect(run).toMatchObject({ status: "error", errorKind: "invalidConfig" });
  });

  it("a clean run records no warnings", async () => {
    const result = await executeNode({ config: node("policy", "list", { returnAll: true }), input: undefined, via: "api" }, fixture.context);
    expect(result.meta.warnings).toEqual([]);
    expect((await db.run.findUniqueOrThrow({ where: { id: result.meta.runId } })).warnings).toBeNull();
  });
});
