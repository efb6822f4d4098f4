/**
 * Failed token authentications are audited, but a client hammering the API with a bad token must not be able
 * to flood the audit log: one row per IP and reason per minute, carrying how many were folded into it.
 */
const WINDOW_MS = 60_000;
const MAX_ENTRIES = 10_000;
const recent = new Map<string, { writtenAt: number; folded: number }>();

/** Returns null to skip this refusal's audit row, or how many earlier refusals the row stands for. */
export function refusalToAudit(ip: string, reason: string, now = Date.now()): { folded: number } | null {
  const key = `${ip}\u0001${reason}`;
  const entry = recent.get(key);
  if (entry && now - entry.writtenAt < WINDOW_MS) {
    entry.folded += 1;
    return null;
  }
  recent.delete(key);
  recent.set(key, { writtenAt: now, folded: 0 });
  while (recent.size > MAX_ENTRIES) recent.delete(recent.keys().next().value as string);
  return { folded: entry?.folded ?? 0 };
}
