import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Sign-in throttling per account and per IP with a bounded exponential backoff, kept in Postgres so that every
 * app process (and both sign-in paths: the form's action and Auth.js's callback route) sees the same counts.
 */
const FREE_ATTEMPTS = { account: 5, ip: 20 } as const; // an IP may be a whole office behind one NAT
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 15 * 60_000;
const FORGET_AFTER_MS = 60 * 60_000;

export type SignInAttempt = { allowed: true } | { allowed: false; retryAfterMs: number; firstRefusal: boolean };

function keysFor(email: string, ip: string) {
  return {
    account: { key: `account:${email.trim().toLowerCase()}`, free: FREE_ATTEMPTS.account },
    ip: { key: `ip:${ip}`, free: FREE_ATTEMPTS.ip },
  };
}

// Timestamps go in as UTC text cast to `timestamp`, the type Prisma stores: no session time zone can shift them.
const at = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp`;

/**
 * Counts one failure for `key` unless it is blocked now; returns false when it was blocked. The count and the
 * block are one statement, so concurrent attempts serialize on the row.
 */
async function countAttempt({ key, free }: { key: string; free: number }, now: Date): Promise<boolean> {
  const stale = Prisma.sql`t."lastFailureAt" < ${at(new Date(now.getTime() - FORGET_AFTER_MS))}`;
  const failures = Prisma.sql`(case when ${stale} then 1 else t.failures + 1 end)`;
  const blockedUntil = (count: Prisma.Sql) =>
    Prisma.sql`case when ${count} >= ${free} then ${at(now)} + least(${MAX_DELAY_MS}, ${BASE_DELAY_MS} * power(2, ${count} - ${free})) * interval '1 millisecond' end`;
  const counted = await db.$queryRaw<{ failures: number }[]>`
    insert into "SignInThrottle" as t (key, failures, "lastFailureAt", "blockedUntil", refusals)
    values (${key}, 1, ${at(now)}, ${blockedUntil(Prisma.sql`1`)}, 0)
    on conflict (key) do update set
      failures = ${failures},
      "lastFailureAt" = excluded."lastFailureAt",
      "blockedUntil" = ${blockedUntil(failures)},
      refusals = 0
    where t."blockedUntil" is null or t."blockedUntil" <= ${at(now)} or ${stale}
    returning failures`;
  return counted.length === 1;
}

/**
 * Call before checking a password. The attempt is counted as a failure up front (a success refunds it), so a
 * burst of parallel guesses cannot all pass the check before the first failure is written. Refused while the
 * account or the IP is blocked; `firstRefusal` is true once per block, for the audit log.
 */
export async function beginSignInAttempt(email: string, ip: string, now = new Date()): Promise<SignInAttempt> {
  const keys = keysFor(email, ip);
  const blocked = await db.signInThrottle.findMany({
    where: { key: { in: [keys.account.key, keys.ip.key] }, blockedUntil: { gt: now } },
    orderBy: { blockedUntil: "desc" },
    select: { key: true, blockedUntil: true },
  });
  if (blocked.length === 0) {
    const [accountCounted, ipCounted] = await Promise.all([
      countAttempt(keys.account, now),
      countAttempt(keys.ip, now),
      // Rows nobody has failed on for an hour are forgotten; the index on lastFailureAt keeps this cheap.
      db.signInThrottle.deleteMany({ where: { lastFailureAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } } }),
    ]);
    if (accountCounted && ipCounted) return { allowed: true };
    // Another attempt blocked a key between the read and the count.
    return beginSignInAttempt(email, ip, now);
  }
  const longest = blocked[0]!;
  const { refusals } = await db.signInThrottle.update({ where: { key: longest.key }, data: { refusals: { increment: 1 } }, select: { refusals: true } });
  return { allowed: false, retryAfterMs: longest.blockedUntil!.getTime() - now.getTime(), firstRefusal: refusals === 1 };
}

/** A success clears the account's record and refunds the IP's count; one good account cannot launder an IP. */
export async function recordSignInSuccess(email: string, ip: string): Promise<void> {
  const keys = keysFor(email, ip);
  await Promise.all([
    db.signInThrottle.deleteMany({ where: { key: keys.account.key } }),
    db.$executeRaw`
      update "SignInThrottle" set
        failures = greatest(failures - 1, 0),
        "blockedUntil" = case when failures - 1 >= ${keys.ip.free} then "blockedUntil" end
      where key = ${keys.ip.key}`,
  ]);
}
