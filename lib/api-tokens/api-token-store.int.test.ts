import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-log";

// GuardError lives beside the session guard; Auth.js itself needs Next's runtime, which these tests do not use.
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null }));
import { GuardError, type GuardContext } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { hashApiToken } from "./api-token-format";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from "./api-token-store";

let context: GuardContext;
let other: GuardContext;

async function makeUser(role: "editor" | "viewer"): Promise<GuardContext> {
  const user = await db.user.create({ data: { email: `tok-${randomBytes(4).toString("hex")}@example.com`, name: `Token ${role}`, passwordHash: "x", role } });
  return { user: { id: user.id, email: user.email, name: user.name, role, mustChangePassword: false }, ip: "127.0.0.1" };
}

async function refusedWith(token: string): Promise<string | undefined> {
  const before = new Date();
  await expect(authenticateApiToken(token, "203.0.113.9")).rejects.toBeInstanceOf(GuardError);
  const event = await db.auditEvent.findFirst({ where: { action: AUDIT_ACTIONS.apiTokenAuthFailed, createdAt: { gte: before } }, orderBy: { createdAt: "desc" } });
  expect(event?.ip).toBe("203.0.113.9");
  expect(JSON.stringify(event)).not.toContain(token);
  return (event?.metadata as { reason?: string } | null)?.reason;
}

beforeAll(async () => {
  context = await makeUser("editor");
  other = await makeUser("viewer");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("API token store", () => {
  it("stores only the hash, audits the creation, and shows the token once", async () => {
    const { token, summary } = await createApiToken({ name: "engine", scopes: ["nodes:run"], expiresInDays: 30 }, context);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: summary.id } });
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(await listApiTokens(context.user.id))).not.toContain(token);
    expect(summary.expiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: AUDIT_ACTIONS.apiTokenCreated, actorId: context.user.id } });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("authenticates as the owner with the role the database has now, and notes the last use", async () => {
    const { token, summary } = await createApiToken({ name: "role-now", scopes: ["nodes:read"] }, context);
    const caller = await authenticateApiToken(token, "127.0.0.1");
    expect(caller.user.id).toBe(context.user.id);
    expect(caller.user.role).toBe("editor");
    expect(caller.scopes).toEqual(["nodes:read"]);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: summary.id } })).lastUsedAt).not.toBeNull();
    await db.user.update({ where: { id: context.user.id }, data: { role: "viewer" } });
    expect((await authenticateApiToken(token, "127.0.0.1")).user.role).toBe("viewer");
    await db.user.update({ where: { id: context.user.id }, data: { role: "editor" } });
  });

  it("refuses and audits malformed, unknown, revoked and expired tokens", async () => {
    expect(await refusedWith("not-a-token")).toBe("malformed");
    expect(await refusedWith(`jcm_${"A".repeat(43)}`)).toBe("unknown");

    const revoked = await createApiToken({ name: "to-revoke", scopes: ["nodes:run"] }, context);
    await revokeApiToken(revoked.summary.id, context);
    expect(await refusedWith(revoked.token)).toBe("revoked");
    expect(await db.auditEvent.count({ where: { action: AUDIT_ACTIONS.apiTokenRevoked, target: "to-revoke" } })).toBe(1);

    const expired = await createApiToken({ name: "expired", scopes: ["nodes:run"], expiresInDays: 7 }, context);
    await db.apiToken.update({ where: { id: expired.summary.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await refusedWith(expired.token)).toBe("expired");
  });

  it("a flood of bad tokens from one address writes one audit row, not one per request", async () => {
    for (let i = 0; i < 20; i += 1) await expect(authenticateApiToken(`jcm_${String(i).padStart(43, "B")}`, "203.0.113.77")).rejects.toBeInstanceOf(GuardError);
    expect(await db.auditEvent.count({ where: { action: AUDIT_ACTIONS.apiTokenAuthFailed, ip: "203.0.113.77" } })).toBe(1);
  });

  it("lets nobody revoke another user's token", async () => {
    const { token, summary } = await createApiToken({ name: "mine", scopes: ["nodes:run"] }, context);
    await expect(revokeApiToken(summary.id, other)).rejects.toMatchObject({ kind: "notFound" });
    expect((await authenticateApiToken(token, "127.0.0.1")).tokenId).toBe(summary.id);
  });

  it("refuses the token of an owner who still has a one-time password, saying why, until they replace it", async () => {
    const { token } = await createApiToken({ name: "too-early", scopes: ["credentials:read"] }, context);
    await db.user.update({ where: { id: context.user.id }, data: { mustChangePassword: true } });
    const error = await authenticateApiToken(token, "203.0.113.78").catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "forbidden", message: expect.stringMatching(/one-time password.*choose their own/) });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: AUDIT_ACTIONS.apiTokenAuthFailed, ip: "203.0.113.78" } });
    expect(audit).toMatchObject({ target: "too-early", metadata: { reason: "password_change_required" } });
    await db.user.update({ where: { id: context.user.id }, data: { mustChangePassword: false } });
    expect((await authenticateApiToken(token, "203.0.113.78")).user.id).toBe(context.user.id);
  });
});
