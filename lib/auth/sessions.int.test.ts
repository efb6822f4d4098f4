import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { endSession, endUserSessions, signOutEverywhere, startSession, userOfSession } from "./sessions";

const HOUR = 60 * 60 * 1000;
const ip = async () => "192.0.2.44";

async function makeUser() {
  return db.user.create({
    data: { email: `sess-${randomBytes(4).toString("hex")}@example.com`, name: "Session tester", passwordHash: "x", role: "editor" },
    select: { id: true, email: true, name: true, role: true, mustChangePassword: true },
  });
}

const refusals = (email: string) => db.auditEvent.findMany({ where: { action: AUDIT_ACTIONS.sessionRefused, target: email } });

afterAll(async () => {
  await db.$disconnect();
});

describe("sessions", () => {
  it("a live session gives its user as the database has them now, in one row", async () => {
    const user = await makeUser();
    const id = await startSession(user.id, "192.0.2.1");
    expect(await userOfSession(id, user.id, ip)).toEqual(user);
    await db.user.update({ where: { id: user.id }, data: { role: "viewer" } });
    expect(await userOfSession(id, user.id, ip)).toMatchObject({ role: "viewer" });
    // A session id is tied to its user: a token naming another user gets nothing.
    expect(await userOfSession(id, (await makeUser()).id, ip)).toBeNull();
    expect(await userOfSession(undefined, user.id, ip)).toBeNull();
  });

  it("after sign-out the session is refused, and the first reuse is audited once", async () => {
    const user = await makeUser();
    const id = await startSession(user.id, "192.0.2.1");
    expect(await endSession(id, "signed_out")).toMatchObject({ id: user.id });
    expect(await endSession(id, "signed_out")).toBeNull(); // already ended
    expect(await userOfSession(id, user.id, ip)).toBeNull();
    expect(await userOfSession(id, user.id, ip)).toBeNull();
    const audited = await refusals(user.email);
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ outcome: "failure", ip: "192.0.2.44", actorId: user.id, metadata: { reason: "signed_out" } });
  });

  it("ends at its absolute lifetime however active it is", async () => {
    const user = await makeUser();
    const started = new Date(Date.now() - 13 * HOUR);
    const id = await startSession(user.id, "192.0.2.1", started);
    const session = await db.session.findUniqueOrThrow({ where: { id } });
    expect(session.expiresAt.getTime() - started.getTime()).toBe(12 * HOUR);
    expect(await userOfSession(id, user.id, ip, new Date(started.getTime() + 11 * HOUR))).toEqual(user);
    expect(await userOfSession(id, user.id, ip)).toBeNull();
    expect((await refusals(user.email))[0]?.metadata).toMatchObject({ reason: "expired" });
  });

  it("a password change ends the other sessions; sign out everywhere ends all; removal deletes them", async () => {
    const user = await makeUser();
    const [a, b, c] = [await startSession(user.id, "192.0.2.1"), await startSession(user.id, "192.0.2.2"), await startSession(user.id, "192.0.2.3")];
    expect(await endUserSessions(user.id, "password_changed", { keep: a })).toBe(2);
    expect(await userOfSession(a, user.id, ip)).toEqual(user);
    expect(await userOfSession(b, user.id, ip)).toBeNull();
    expect(await userOfSession(c, user.id, ip)).toBeNull();

    const d = await startSession(user.id, "192.0.2.4");
    expect(await signOutEverywhere({ user, ip: "192.0.2.5" })).toBe(2);
    expect(await userOfSession(a, user.id, ip)).toBeNull();
    expect(await userOfSession(d, user.id, ip)).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: AUDIT_ACTIONS.signOutEverywhere, actorId: user.id } });
    expect(audit).toMatchObject({ ip: "192.0.2.5", metadata: { sessions: 2 } });

    const e = await startSession(user.id, "192.0.2.6");
    await db.user.delete({ where: { id: user.id } });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await userOfSession(e, user.id, ip)).toBeNull();
  });
});
