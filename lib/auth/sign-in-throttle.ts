/**
 * Sign-in throttling per account and per IP, with a bounded exponential backoff. Kept in memory: the app runs
 * as one process, and a restart forgetting failures only helps an attacker who can restart the server.
 */
const FREE_ATTEMPTS = { account: 5, ip: 20 } as const; // an IP may be a whole office behind one NAT
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 15 * 60_000;
const FORGET_AFTER_MS = 60 * 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  failures: number;
  lastFailure: number;
  blockedUntil: number;
}

const entries = new Map<string, Entry>();

function keysFor(email: string, ip: string) {
  return [
    { key: `account:${email.trim().toLowerCase()}`, free: FREE_ATTEMPTS.account },
    { key: `ip:${ip}`, free: FREE_ATTEMPTS.ip },
  ];
}

function current(key: string, now: number): Entry | undefined {
  const entry = entries.get(key);
  if (entry && now - entry.lastFailure > FORGET_AFTER_MS) {
    entries.delete(key);
    return undefined;
  }
  return entry;
}

/** Milliseconds to wait before another attempt is allowed (0 when allowed now). */
export function signInRetryAfterMs(email: string, ip: string, now = Date.now()): number {
  return Math.max(0, ...keysFor(email, ip).map(({ key }) => (current(key, now)?.blockedUntil ?? 0) - now));
}

export function recordSignInFailure(email: string, ip: string, now = Date.now()): void {
  for (const { key, free } of keysFor(email, ip)) {
    const entry = current(key, now) ?? { failures: 0, lastFailure: now, blockedUntil: 0 };
    entry.failures += 1;
    entry.lastFailure = now;
    const over = entry.failures - free;
    if (over >= 0) entry.blockedUntil = now + Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** over);
    entries.delete(key); // re-insert: the map's order is then least recently failed first, for eviction
    entries.set(key, entry);
  }
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
}

/** A success clears the account's record; the IP's stays, so one good account cannot launder an IP. */
export function recordSignInSuccess(email: string): void {
  entries.delete(keysFor(email, "")[0]!.key);
}
