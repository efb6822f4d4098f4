import "server-only";
import { randomBytes } from "node:crypto";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { GuardContext, SessionUser } from "./guard";

export const SESSION_USER_SELECT = { id: true, email: true, name: true, role: true, mustChangePassword: true } as const;

export type SessionEndReason = "signed_out" | "signed_out_everywhere" | "password_changed";

const HOUR_MS = 60 * 60 * 1000;
// An ended session's row is kept this long after its absolute end, so a late reuse can still be audited.
const KEEP_ENDED_MS = 24 * HOUR_MS;

/** Starts a session for a user who just proved their password; the id goes into the session cookie. */
export async function startSession(userId: string, ip: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.session.create({ data: { id, userId, ip, createdAt: now, expiresAt: new Date(now.getTime() + env().SESSION_MAX_HOURS * HOUR_MS) } });
  await db.session.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - KEEP_ENDED_MS) } } });
  return id;
}

/**
 * The user a session cookie stands for, while its session is live: not signed out, not ended by a password
 * change, not past its absolute end, and its user not removed. One query per request, the user row included.
 * The first refused use of an ended session is audited (a stolen cookie being tried); later ones are not.
 */
export async function userOfSession(sessionId: string | undefined, userId: string | undefined, ip: () => Promise<string>, now = new Date()): Promise<SessionUser | null> {
  if (!sessionId || !userId) return null;
  const row = await db.session.findUnique({
    where: { id: sessionId },
    select: { userId: true, expiresAt: true, revokedAt: true, revokedReason: true, refusedAt: true, user: { select: SESSION_USER_SELECT } },
  });
  if (!row || row.userId !== userId) return null;
  if (!row.revokedAt && row.expiresAt > now) return row.user;
  if (!row.refusedAt) {
    const { count } = await db.session.updateMany({ where: { id: sessionId, refusedAt: null }, data: { refusedAt: now } });
    if (count === 1) {
      await recordAuditEvent({
        actor: row.user,
        action: AUDIT_ACTIONS.sessionRefused,
        target: row.user.email,
        outcome: "failure",
        metadata: { reason: row.revokedReason ?? "expired", endedAt: (row.revokedAt ?? row.expiresAt).toISOString() },
        ip: await ip(),
      });
    }
  }
  return null;
}

/** Ends one session (sign-out); returns its user when it was live, for the audit log. */
export async function endSession(sessionId: string, reason: SessionEndReason, now = new Date()): Promise<SessionUser | null> {
  const { count } = await db.session.updateMany({ where: { id: sessionId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now, revokedReason: reason } });
  if (count === 0) return null;
  return (await db.session.findUnique({ where: { id: sessionId }, select: { user: { select: SESSION_USER_SELECT } } }))?.user ?? null;
}

/** Ends every live session of a user, except `keep` (the one changing the password); returns how many. */
export async function endUserSessions(
  userId: string,
  reason: SessionEndReason,
  { keep, tx = db, now = new Date() }: { keep?: string; tx?: Prisma.TransactionClient; now?: Date } = {},
): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now }, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: now, revokedReason: reason },
  });
  return count;
}

/** "Sign out everywhere": ends every session of the caller, this one included, and audits how many. */
export async function signOutEverywhere({ user, ip }: GuardContext): Promise<number> {
  return db.$transaction(async (tx) => {
    const sessions = await endUserSessions(user.id, "signed_out_everywhere", { tx });
    await recordAuditEvent({ actor: user, action: AUDIT_ACTIONS.signOutEverywhere, target: user.email, metadata: { sessions }, ip }, tx);
    return sessions;
  });
}
