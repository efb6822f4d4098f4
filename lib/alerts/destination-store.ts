// Alert destinations: create (the signing secret is generated here and returned once), read, change, rotate the
// secret, delete, send a test alert; each change audited. Callers check the role (editors and above write).
import "server-only";
import { randomUUID } from "node:crypto";
import { AUDIT_ACTIONS, recordAuditEvent, type Actor } from "@/lib/audit/audit-log";
import { deleteNamedRecord, refusingTakenName } from "@/lib/database/record-writes";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { changedMeanwhile, fieldRefusal, recordNotFound, staleVersion } from "@/lib/errors/record-refusals";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AlertFormat, AlertKind } from "./alert-kinds";
import { queueDeliveries } from "./raise-alert";
import type { DestinationCreate, DestinationUpdate } from "./destination-input";
import { sealSecret } from "./destination-secret";
import { checkDestinationUrl, maskedUrl } from "./destination-url";
import { generateSigningSecret } from "./webhook-signature";

const DESTINATION_SELECT = {
  id: true,
  name: true,
  url: true,
  format: true,
  kinds: true,
  enabled: true,
  secretRotatedAt: true,
  previousSecretUntil: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { name: true } },
  deliveries: { select: { status: true, createdAt: true, lastStatusCode: true }, orderBy: { createdAt: "desc" }, take: 1 },
} satisfies Prisma.AlertDestinationSelect;

type DestinationRow = Prisma.AlertDestinationGetPayload<{ select: typeof DESTINATION_SELECT }>;

/** What anyone who may read destinations sees: the URL masked (Slack's URLs carry their token in the path), never the secret. */
function toView(row: DestinationRow, now = new Date()) {
  return {
    id: row.id,
    name: row.name,
    url: maskedUrl(row.url),
    format: row.format as AlertFormat,
    kinds: row.kinds as AlertKind[],
    enabled: row.enabled,
    secretRotatedAt: row.secretRotatedAt.toISOString(),
    previousSecretUntil: row.previousSecretUntil && row.previousSecretUntil > now ? row.previousSecretUntil.toISOString() : null,
    lastDelivery: row.deliveries[0] ? { status: row.deliveries[0].status, at: row.deliveries[0].createdAt.toISOString(), statusCode: row.deliveries[0].lastStatusCode } : null,
    createdBy: row.createdBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
export type DestinationView = ReturnType<typeof toView>;

/** The refusal for an id no alert destination has. */
export const destinationNotFound = () => recordNotFound("alert destination", "/api/v1/alert-destinations");

function urlField(url: string): string {
  try {
    return checkDestinationUrl(url);
  } catch (error) {
    if (error instanceof AppError) throw fieldRefusal("invalid", "url", error.message, `url: ${error.message}`);
    throw error;
  }
}

export async function listDestinations(): Promise<DestinationView[]> {
  const rows = await db.alertDestination.findMany({ select: DESTINATION_SELECT, orderBy: { name: "asc" } });
  const now = new Date();
  return rows.map((row) => toView(row, now));
}

export async function getDestination(id: string): Promise<DestinationView> {
  const row = await db.alertDestination.findUnique({ where: { id }, select: DESTINATION_SELECT });
  if (!row) throw destinationNotFound();
  return toView(row);
}

/** Creates a destination; `secret` is in this answer only (store it at the receiver). */
export async function createDestination(input: DestinationCreate, actor: Actor, ip?: string): Promise<{ destination: DestinationView; secret: string }> {
  const url = urlField(input.url);
  const id = `dst_${randomUUID().replaceAll("-", "")}`;
  const secret = generateSigningSecret();
  return refusingTakenName("An alert destination", input.name, async () => {
    const row = await db.alertDestination.create({
      data: { id, name: input.name, url, format: input.format, kinds: input.kinds, enabled: input.enabled, ...sealSecret(id, secret), createdById: actor.id },
      select: DESTINATION_SELECT,
    });
    await recordAuditEvent({ actor, action: AUDIT_ACTIONS.alertDestinationCreated, target: row.name, metadata: { destinationId: id, url: maskedUrl(url), format: row.format }, ip });
    return { destination: toView(row), secret };
  });
}

export async function updateDestination(id: string, patch: DestinationUpdate, actor: Actor, ip?: string): Promise<DestinationView> {
  const current = await db.alertDestination.findUnique({ where: { id }, select: { version: true, name: true } });
  if (!current) throw destinationNotFound();
  if (patch.version !== undefined && patch.version !== current.version) {
    throw staleVersion("destination", current.version, patch.version);
  }
  const url = patch.url === undefined ? undefined : urlField(patch.url);
  await refusingTakenName("An alert destination", patch.name, async () => {
    const updated = await db.alertDestination.updateMany({
      where: { id, version: current.version },
      data: {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(url === undefined ? {} : { url }),
        ...(patch.format === undefined ? {} : { format: patch.format }),
        ...(patch.kinds === undefined ? {} : { kinds: patch.kinds }),
        ...(patch.enabled === undefined ? {} : { enabled: patch.enabled }),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw changedMeanwhile("destination");
  });
  const changed = Object.keys(patch).filter((key) => key !== "version");
  await recordAuditEvent({ actor, action: AUDIT_ACTIONS.alertDestinationUpdated, target: patch.name ?? current.name, metadata: { destinationId: id, changed }, ip });
  return getDestination(id);
}

/**
 * A new signing secret, returned once. The previous one keeps signing beside it for `overlapHours` (the
 * webhook-signature header then carries both), so a receiver can switch without rejecting alerts in between.
 */
export async function rotateDestinationSecret(id: string, overlapHours: number, actor: Actor, ip?: string): Promise<{ destination: DestinationView; secret: string }> {
  const current = await db.alertDestination.findUnique({ where: { id }, select: { name: true, secretEnvelope: true } });
  if (!current) throw destinationNotFound();
  const secret = generateSigningSecret();
  const now = new Date();
  const row = await db.alertDestination.update({
    where: { id },
    data: {
      ...sealSecret(id, secret),
      previousSecretEnvelope: overlapHours > 0 ? current.secretEnvelope : null,
      previousSecretUntil: overlapHours > 0 ? new Date(now.getTime() + overlapHours * 3_600_000) : null,
      secretRotatedAt: now,
      version: { increment: 1 },
    },
    select: DESTINATION_SELECT,
  });
  await recordAuditEvent({ actor, action: AUDIT_ACTIONS.alertDestinationSecretRotated, target: current.name, metadata: { destinationId: id, overlapHours }, ip });
  return { destination: toView(row, now), secret };
}

export async function deleteDestination(id: string, actor: Actor, ip?: string): Promise<{ id: string; deleted: true }> {
  return deleteNamedRecord(db.alertDestination, id, { action: AUDIT_ACTIONS.alertDestinationDeleted, metadata: { destinationId: id }, notFound: destinationNotFound }, actor, ip);
}

/** Queues a test alert to one destination (whatever kinds it receives), through the same signing and retries. */
export async function sendTestAlert(id: string, actor: Actor, ip?: string): Promise<{ deliveryId: string }> {
  const destination = await db.alertDestination.findUnique({ where: { id }, select: { id: true, name: true, format: true, enabled: true } });
  if (!destination) throw destinationNotFound();
  if (!destination.enabled) throw new AppError("conflict", `"${destination.name}" is disabled; enable it to send a test alert.`);
  const raisedBy = actor.name;
  const [deliveryId] = await queueDeliveries([destination], {
    kind: "test",
    dedupeKey: `test:${randomUUID()}`,
    source: { type: "destination", id: destination.id, name: destination.name },
    title: `Test alert for ${destination.name}`,
    text: `${raisedBy} sent this test alert. If it arrived with a valid webhook-signature, alerts will reach you here.`,
    data: { test: true, requestedBy: raisedBy },
  });
  await recordAuditEvent({ actor, action: AUDIT_ACTIONS.alertTestSent, target: destination.name, metadata: { destinationId: id }, ip });
  return { deliveryId: deliveryId! };
}
