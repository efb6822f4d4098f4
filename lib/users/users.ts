import "server-only";
import { randomBytes } from "node:crypto";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/audit-log";
import type { GuardContext } from "@/lib/auth/guard";
import { GuardError } from "@/lib/auth/guard";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endUserSessions } from "@/lib/auth/sessions";
import { canAssignRole, canRemoveUser, type Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";

// Serializes owner creation so two browsers racing through setup cannot both become owner.
const OWNER_SETUP_LOCK = 7_413_001;

export async function hasAnyUser(): Promise<boolean> {
  return (await db.user.count()) > 0;
}

export async function createOwner(input: { name: string; email: string; password: string }, ip: string) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(${OWNER_SETUP_LOCK})`;
    if ((await tx.user.count()) > 0) throw new GuardError("conflict", "The owner account already exists. Sign in instead.");
    const owner = await tx.user.create({ data: { name: input.name, email: input.email, passwordHash, role: "owner" } });
    await recordAuditEvent({ actor: { id: owner.id, name: owner.name }, action: AUDIT_ACTIONS.ownerCreated, target: owner.email, ip }, tx);
    return { id: owner.id, email: owner.email };
  });
}

export function listUsers() {
  return db.user.findMany({
    select: { id: true, name: true, email: true, role: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }],
  });
}

/** A readable one-time password (no look-alike characters), shown once to the admin who adds the user. */
function temporaryPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(20);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
  return chars.match(/.{1,5}/g)!.join("-");
}

export async function addUser(input: { name: string; email: string; role: Role }, { user: actor, ip }: GuardContext) {
  if (!canAssignRole(actor, null, input.role)) {
    throw new GuardError("forbidden", `As ${actor.role} you cannot add a user with the ${input.role} role.`);
  }
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new GuardError("conflict", `A user with the email ${input.email} already exists.`, { email: "This email is already in use" });
    }
    const created = await tx.user.create({ data: { ...input, passwordHash, mustChangePassword: true } });
    await recordAuditEvent(
      { actor, action: AUDIT_ACTIONS.userAdded, target: created.email, metadata: { role: created.role }, ip },
      tx,
    );
    return { id: created.id, email: created.email, temporaryPassword: password };
  });
}

export async function changeRole(input: { userId: string; role: Role }, { user: actor, ip }: GuardContext) {
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, role: true } });
    if (!target) throw new GuardError("notFound", "That user no longer exists. Reload the page.");
    if (!canAssignRole(actor, target, input.role)) {
      throw new GuardError("forbidden", target.id === actor.id ? "You cannot change your own role." : `As ${actor.role} you cannot give ${target.email} the ${input.role} role.`);
    }
    if (target.role === input.role) return { id: target.id, role: target.role };
    await tx.user.update({ where: { id: target.id }, data: { role: input.role } });
    await recordAuditEvent(
      { actor, action: AUDIT_ACTIONS.roleChanged, target: target.email, metadata: { from: target.role, to: input.role }, ip },
      tx,
    );
    return { id: target.id, role: input.role };
  });
}

/** Sets a new password and ends the user's other sessions (a cookie someone else holds dies with the old password). */
export async function changeOwnPassword(input: { currentPassword: string; newPassword: string }, { user, ip }: GuardContext, currentSessionId?: string): Promise<number> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new GuardError("invalid", "The current password is incorrect.", { currentPassword: "This is not your current password" });
  }
  if (input.currentPassword === input.newPassword) {
    throw new GuardError("invalid", "Choose a password different from the current one.", { newPassword: "Use a new password" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    const otherSessionsEnded = await endUserSessions(user.id, "password_changed", { keep: currentSessionId, tx });
    await recordAuditEvent({ actor: user, action: AUDIT_ACTIONS.passwordChanged, target: user.email, metadata: { otherSessionsEnded }, ip }, tx);
    return otherSessionsEnded;
  });
}

/** Removes an account: its sessions and API tokens go with it (cascade), so they stop working at once. */
export async function removeUser(input: { userId: string }, { user: actor, ip }: GuardContext) {
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, role: true } });
    if (!target) throw new GuardError("notFound", "That user no longer exists. Reload the page.");
    if (!canRemoveUser(actor, target)) {
      throw new GuardError("forbidden", target.id === actor.id ? "You cannot remove yourself." : `As ${actor.role} you cannot remove ${target.email}.`);
    }
    await tx.user.delete({ where: { id: target.id } });
    await recordAuditEvent({ actor, action: AUDIT_ACTIONS.userRemoved, target: target.email, metadata: { role: target.role }, ip }, tx);
    return { email: target.email };
  });
}
