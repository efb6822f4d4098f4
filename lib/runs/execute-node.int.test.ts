import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GuardContext } from "@/lib/auth/guard";
import { createCredential } from "@/lib/credentials/credential-store";
import { db } from "@/lib/db";
import { rejection } from "@/lib/testing/rejection";
import type { JsonObject } from "@/lib/json/json-value";
import { executeNode } from "./execute-node";

let context: GuardContext;

beforeAll(async () => {
  const user = await db.user.create({ data: { email: `run-${randomBytes(4).toString("hex")}@example.com`, name: "Run Tester", passwordHash: "x", role: "editor" } });
  context = { user: { id: user.id, email: user.email, name: user.name, role: "editor", mustChangePassword: false }, ip: "127.0.0.1" };
});

afterAll(async () => {
  await db.$disconnect();
});

describe("executeNode", () => {
  it("validates the parameters before it opens the credential, and records the refusal", async () => {
    const credential = await createCredential({ name: `damaged-${randomBytes(3).toString("hex")}`, description: "", service: "example", authType: "token", fields: { token: "example-token" } }, context);
    // A damaged envelope: opening it would fail with cannotDecrypt.
    await db.credential.update({ where: { id: credential.id }, data: { secretEnvelope: "v1.damaged" } });
    const node = (parameters: JsonObject) => ({ integration_service: "example", resource: "greeting", operation: "say", parameters, credential: { id: credential.id } });

    const invalid = await rejection(executeNode({ config: node({ times: 9 }), input: undefined, via: "api" }, context));
    expect(invalid.kind).toBe("invalidConfig");
    expect(invalid.message).toBe("name is required (and 1 more)");
    const run = await db.run.findUniqueOrThrow({ where: { id: invalid.runId! } });
    expect(run).toMatchObject({ status: "error", errorKind: "invalidConfig", service: "example", credentialId: null });

    const valid = await rejection(executeNode({ config: node({ name: "Ada" }), input: undefined, via: "api" }, context));
    expect(valid.kind).toBe("cannotDecrypt");
  });

  it("runs another integration's operation and records the run under its service", async () => {
    const credential = await createCredential({ name: `example-${randomBytes(3).toString("hex")}`, description: "", service: "example", authType: "token", fields: { token: "example-token" } }, context);
    const result = await executeNode(
      { config: { integration_service: "example", resource: "greeting", operation: "say", parameters: { name: "{{ who }}" }, credential: credential.name }, input: { who: "Grace" }, via: "builder" },
      context,
    );
    expect(result.items).toEqual([{ message: "Hello, Grace!", index: 0 }]);
    expect(await db.run.findUniqueOrThrow({ where: { id: result.meta.runId } })).toMatchObject({ status: "success", service: "example", itemCount: 1, via: "builder" });
  });

  it("refuses a credential of another service by name", async () => {
    const credential = await createCredential({ name: `other-${randomBytes(3).toString("hex")}`, description: "", service: "example", authType: "token", fields: { token: "example-token" } }, context);
    const error = await rejection(
      executeNode({ config: { integration_service: "jumpcloud", resource: "policy", operation: "list", parameters: {}, credential: { id: credential.id } }, input: undefined, via: "api" }, context),
    );
    expect(error.kind).toBe("invalidCredential");
    expect(error.message).toContain("is for Example (test fixture), not JumpCloud");
  });
});
