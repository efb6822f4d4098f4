// The delivery log: each alert sent to a destination and each of its attempts (time, status code, duration, error
// excerpt), newest first, per destination or per source (a monitor). Never a header, body or secret.
import "server-only";
import { db } from "@/lib/db";
import { destinationNotFound } from "./destination-store";

/** Attempts shown per delivery; `attempts` is the full count. */
const ATTEMPTS_SHOWN = 10;

export interface DeliveryFilter {
  destinationId?: string;
  source?: { type: string; id: string };
  limit: number;
  before?: Date;
}

export async function listDeliveries(filter: DeliveryFilter) {
  if (filter.destinationId) {
    const exists = await db.alertDestination.count({ where: { id: filter.destinationId } });
    if (!exists) throw destinationNotFound();
  }
  const rows = await db.alertDelivery.findMany({
    where: {
      ...(filter.destinationId ? { destinationId: filter.destinationId } : {}),
      ...(filter.source ? { sourceType: filter.source.type, sourceId: filter.source.id } : {}),
      ...(filter.before ? { createdAt: { lt: filter.before } } : {}),
    },
    select: {
      id: true,
      kind: true,
      title: true,
      status: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      createdAt: true,
      deliveredAt: true,
      sourceType: true,
      sourceId: true,
      sourceName: true,
      destination: { select: { id: true, name: true } },
      attemptLog: { select: { at: true, statusCode: true, durationMs: true, error: true }, orderBy: { at: "desc" }, take: ATTEMPTS_SHOWN },
    },
    orderBy: { createdAt: "desc" },
    take: filter.limit,
  });
  return rows.map(({ attemptLog, sourceType, sourceId, sourceName, ...row }) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    source: { type: sourceType, id: sourceId, name: sourceName },
    attemptLog: attemptLog.map((attempt) => ({ ...attempt, at: attempt.at.toISOString() })),
  }));
}
export type DeliveryView = Awaited<ReturnType<typeof listDeliveries>>[number];
