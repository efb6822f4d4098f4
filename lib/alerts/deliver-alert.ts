// The delivery job: one signed attempt per run of the job. A failed attempt throws, so pg-boss retries it with
// exponential backoff; the attempt that reaches ALERT_MAX_ATTEMPTS marks the delivery failed instead. Every attempt
// is logged (time, status code, duration, error excerpt), never a header or the secret.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { describeError } from "@/lib/errors/describe-error";
import { sendDeliveryJobs } from "./alert-queue";
import { signingSecrets } from "./destination-secret";
import { checkDestinationUrl } from "./destination-url";
import { postWebhook, type AttemptResult } from "./post-webhook";
import { signedHeaders } from "./webhook-signature";

const ERROR_EXCERPT = 500;

export class DeliveryAttemptFailed extends Error {
  override readonly name = "DeliveryAttemptFailed";
}

export interface DeliveryOutcome {
  deliveryId: string;
  status: "delivered" | "failed" | "skipped";
  statusCode?: number | null;
}

export async function deliverAlert(deliveryId: string): Promise<DeliveryOutcome> {
  const delivery = await db.alertDelivery.findUnique({ where: { id: deliveryId }, include: { destination: true } });
  if (!delivery || delivery.status !== "queued") return { deliveryId, status: "skipped" };
  const { destination } = delivery;
  const maxAttempts = env().ALERT_MAX_ATTEMPTS;

  let result: AttemptResult;
  if (!destination.enabled) {
    result = { statusCode: null, durationMs: 0, ok: false, error: "The destination is disabled; nothing was sent." };
  } else {
    try {
      // The allow-list may have changed since the URL was saved; names are checked again as they resolve.
      checkDestinationUrl(destination.url);
      const now = new Date();
      const headers = signedHeaders(signingSecrets(destination, now), delivery.id, Math.floor(now.getTime() / 1000), delivery.body);
      result = await postWebhook(destination.url, delivery.body, { ...headers }, env().ALERT_TIMEOUT_SECONDS * 1000);
    } catch (error) {
      result = { statusCode: null, durationMs: 0, ok: false, error: describeError(error).body.message };
    }
  }

  const attempts = delivery.attempts + 1;
  const final = result.ok ? "delivered" : !destination.enabled || attempts >= maxAttempts ? "failed" : "queued";
  const error = result.error?.slice(0, ERROR_EXCERPT) ?? null;
  await db.$transaction([
    db.alertAttempt.create({ data: { deliveryId, statusCode: result.statusCode, durationMs: result.durationMs, error } }),
    db.alertDelivery.update({
      where: { id: deliveryId },
      data: { attempts, status: final, lastStatusCode: result.statusCode, lastError: error, ...(result.ok ? { deliveredAt: new Date() } : {}) },
    }),
  ]);
  if (final === "queued") throw new DeliveryAttemptFailed(`Attempt ${attempts} of ${maxAttempts} failed: ${error ?? "no answer"}`);
  return { deliveryId, status: final, statusCode: result.statusCode };
}

/**
 * The sweep: deliveries whose job was lost (a crash between the row and the job) are sent again, and ones still
 * queued after a day (retries exhausted by crashes, no worker) are marked failed so the log says so.
 */
export async function sweepDeliveries(now: Date = new Date()): Promise<{ resent: number; abandoned: number }> {
  const { count: abandoned } = await db.alertDelivery.updateMany({
    where: { status: "queued", createdAt: { lt: new Date(now.getTime() - 86_400_000) } },
    data: { status: "failed", lastError: "Not delivered within a day: is a worker running (npm start, or npm run worker)?" },
  });
  const stale = await db.alertDelivery.findMany({
    where: { status: "queued", createdAt: { lt: new Date(now.getTime() - 60_000) } },
    select: { id: true },
    take: 1000,
  });
  await sendDeliveryJobs(stale.map((row) => row.id));
  return { resent: stale.length, abandoned };
}
