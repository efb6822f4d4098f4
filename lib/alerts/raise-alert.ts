// THE way anything raises an alert (compliance snapshots, drift, test alerts): one delivery row per receiving
// destination, unique per (destination, dedupeKey) in Postgres, so the same transition never alerts twice, from
// any process, however often it is raised; each new delivery becomes a pg-boss job that retries with backoff.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { JsonValue } from "@/lib/json/json-value";
import { ALERT_KINDS, type AlertFormat, type AlertKind } from "./alert-kinds";
import { alertBody, type AlertSource } from "./alert-payload";
import { sendDeliveryJobs } from "./alert-queue";

export type { AlertKind } from "./alert-kinds";

export interface AlertEvent {
  kind: AlertKind;
  /** Names the transition (e.g. `snapshot:<id>:newFailures`); a key already delivered to a destination is skipped. */
  dedupeKey: string;
  source: { type: "monitor" | "baseline"; id: string; name: string };
  title: string;
  text: string;
  /** Facts for programs; keep it bounded (a list of at most some dozens of items and a total count). */
  data: JsonValue;
}

/** The body a receiver gets stays small: an alert that needs more links to the app instead. */
export const MAX_DATA_BYTES = 32 * 1024;
const MAX_TITLE = 200;
const MAX_TEXT = 4000;
const MAX_KEY = 300;

/** The webhook-id of a delivery (Standard Webhooks' msg_ form); the same on every retry. */
export function newMessageId(): string {
  return `msg_${randomUUID().replaceAll("-", "")}`;
}

function checkEvent(event: AlertEvent): void {
  if (!(ALERT_KINDS as readonly string[]).includes(event.kind)) throw new AppError("invalid", `Unknown alert kind "${event.kind}": use one of ${ALERT_KINDS.join(", ")}.`);
  if (event.dedupeKey.trim() === "" || event.dedupeKey.length > MAX_KEY) throw new AppError("invalid", `An alert's dedupeKey must be 1 to ${MAX_KEY} characters.`);
  if (event.title.trim() === "" || event.title.length > MAX_TITLE) throw new AppError("invalid", `An alert's title must be 1 to ${MAX_TITLE} characters.`);
  if (event.text.length > MAX_TEXT) throw new AppError("invalid", `An alert's text must be at most ${MAX_TEXT} characters.`);
  const size = Buffer.byteLength(JSON.stringify(event.data) ?? "null");
  if (size > MAX_DATA_BYTES) throw new AppError("invalid", `An alert's data is ${size} bytes; keep it under ${MAX_DATA_BYTES} (a bounded list and a count).`);
}

/** Queues deliveries of an already checked event to the given destinations; returns the ids of the new ones. */
export async function queueDeliveries(
  destinations: ReadonlyArray<{ id: string; format: string }>,
  event: Omit<AlertEvent, "source"> & { source: AlertSource },
): Promise<string[]> {
  if (destinations.length === 0) return [];
  const raisedAt = new Date();
  const rows = destinations.map((destination) => {
    const id = newMessageId();
    const content = { id, kind: event.kind, raisedAt, source: event.source, title: event.title, text: event.text, data: event.data };
    return {
      id,
      destinationId: destination.id,
      dedupeKey: event.dedupeKey,
      kind: event.kind,
      sourceType: event.source.type,
      sourceId: event.source.id,
      sourceName: event.source.name.slice(0, 200),
      title: event.title,
      body: alertBody(destination.format as AlertFormat, content),
      createdAt: raisedAt,
    };
  });
  // ON CONFLICT DO NOTHING: only the rows this call created come back, so a repeat queues nothing.
  const created = await db.alertDelivery.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } });
  const ids = created.map((row) => row.id);
  await sendDeliveryJobs(ids);
  return ids;
}

export async function raiseAlert(event: AlertEvent): Promise<{ queued: number }> {
  checkEvent(event);
  const destinations = await db.alertDestination.findMany({
    where: { enabled: true, OR: [{ kinds: { isEmpty: true } }, { kinds: { has: event.kind } }] },
    select: { id: true, format: true },
  });
  return { queued: (await queueDeliveries(destinations, event)).length };
}
