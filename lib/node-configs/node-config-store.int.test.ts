import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GuardContext } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { findExample } from "@/lib/nodes/examples";
import { nodeConfigFormSchema } from "./node-config-input";
import {
  createNodeConfig,
  deleteNodeConfig,
  duplicateNodeConfig,
  getNodeConfig,
  listNodeConfigs,
  renameNodeConfig,
  updateNodeConfig,
} from "./node-config-store";

let context: GuardContext;
let credentialId: string;
const tag = randomBytes(4).toString("hex");

const { config: templated, input } = findExample("create-policy-with-templates")!;

const form = (name: string, extra: Record<string, unknown> = {}) => nodeConfigFormSchema.parse({ name, config: templated, credentialId, sampleInput: input, ...extra });

beforeAll(async () => {
  const user = await db.user.create({ data: { email: `nodes-${tag}@example.com`, name: "Node Tester", passwordHash: "x", role: "editor" } });
  context = { user: { id: user.id, email: user.email, name: user.name, role: "editor", mustChangePassword: false }, ip: "127.0.0.1" };
  const credential = await db.credential.create({
    data: { id: `cred-${tag}`, name: `JumpCloud ${tag}`, service: "jumpcloud", authType: "apiKey", settings: { region: "us" }, secretEnvelope: "sealed", keyId: "k" },
  });
  credentialId = credential.id;
});

afterAll(async () => {
  await db.$disconnect();
});

const audits = (target: string) => db.auditEvent.findMany({ where: { target }, select: { action: true, actorId: true } });

describe("node config store", () => {
  it("saves a guide example with its sample input and returns it in the platform format, unchanged", async () => {
    const created = await createNodeConfig(form(`create-${tag}`), context);
    const loaded = await getNodeConfig(created.id);
    expect(loaded.config).toEqual(templated);
    expect(loaded.sampleInput).toEqual(input);
    expect(loaded.credential).toEqual({ id: credentialId, name: `JumpCloud ${tag}`, authType: "apiKey" });
    expect(loaded.version).toBe(1);
    expect(loaded.lastRun).toBeNull();
    expect(await audits(`create-${tag}`)).toEqual([{ action: "node_config.created", actorId: context.user.id }]);
  });

  it("lists nodes with their last run status", async () => {
    const created = await createNodeConfig(form(`listed-${tag}`, { sampleInput: null }), context);
    await db.run.create({ data: { nodeConfigId: created.id, via: "builder", resource: "policy", operation: "create", status: "error", startedAt: new Date(Date.now() - 1000) } });
    await db.run.create({ data: { nodeConfigId: created.id, via: "api", resource: "policy", operation: "create", status: "success" } });
    const row = (await listNodeConfigs()).find((n) => n.id === created.id);
    expect(row?.lastRun?.status).toBe("success");
    expect((await getNodeConfig(created.id)).sampleInput).toBeNull();
  });

  it("updates with the version it read and refuses a stale save without changing anything", async () => {
    const created = await createNodeConfig(form(`update-${tag}`), context);
    const changed = { ...templated, parameters: { ...templated.parameters, additionalFields: { xOrgId: "org-1" } } };
    const updated = await updateNodeConfig({ ...form(`update-${tag}`, { config: changed }), id: created.id, expectedVersion: 1 }, context);
    expect(updated.version).toBe(2);
    expect(updated.config.parameters).toHaveProperty("additionalFields");
    await expect(updateNodeConfig({ ...form(`update-${tag}`), id: created.id, expectedVersion: 1 }, context)).rejects.toMatchObject({ kind: "conflict" });
    expect((await getNodeConfig(created.id)).config).toEqual(changed);
  });

  it("refuses a taken name, an unknown operation and a foreign credential with field messages", async () => {
    await expect(createNodeConfig(form(`create-${tag}`), context)).rejects.toMatchObject({ kind: "conflict", fieldErrors: { name: expect.any(String) } });
    await expect(createNodeConfig(form(`bad-op-${tag}`, { config: { ...templated, operation: "explode" } }), context)).rejects.toMatchObject({
      kind: "invalid",
      fieldErrors: { "config.operation": expect.any(String) },
    });
    const other = await db.credential.create({
      data: { id: `other-${tag}`, name: `Other ${tag}`, service: "okta", authType: "apiKey", settings: {}, secretEnvelope: "x", keyId: "k" },
    });
    await expect(createNodeConfig(form(`foreign-${tag}`, { credentialId: other.id }), context)).rejects.toMatchObject({ fieldErrors: { credentialId: expect.any(String) } });
  });

  it("renames, duplicates to the first free copy name, and deletes while keeping the runs", async () => {
    const created = await createNodeConfig(form(`orig-${tag}`), context);
    const renamed = await renameNodeConfig({ id: created.id, name: `renamed-${tag}`, expectedVersion: 1 }, context);
    expect(renamed).toMatchObject({ name: `renamed-${tag}`, version: 2 });
    const copy1 = await duplicateNodeConfig({ id: created.id }, context);
    const copy2 = await duplicateNodeConfig({ id: created.id }, context);
    expect([copy1.name, copy2.name]).toEqual([`renamed-${tag} (copy)`, `renamed-${tag} (copy 2)`]);
    expect(copy1.config).toEqual(templated);
    expect(copy1.sampleInput).toEqual(input);
    await expect(duplicateNodeConfig({ id: created.id, name: copy1.name }, context)).rejects.toMatchObject({ kind: "conflict" });

    const run = await db.run.create({ data: { nodeConfigId: created.id, via: "builder", resource: "policy", operation: "create", status: "success" } });
    expect(await deleteNodeConfig(created.id, context)).toEqual({ name: `renamed-${tag}` });
    await expect(getNodeConfig(created.id)).rejects.toMatchObject({ kind: "notFound" });
    expect(await db.run.findUnique({ where: { id: run.id }, select: { nodeConfigId: true } })).toEqual({ nodeConfigId: null });
    expect((await audits(`renamed-${tag}`)).map((a) => a.action).sort()).toEqual(["node_config.deleted", "node_config.renamed"]);
    await expect(deleteNodeConfig(created.id, context)).rejects.toMatchObject({ kind: "notFound" });
  });
});
