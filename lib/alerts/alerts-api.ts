// The shapes of /api/v1/alert-destinations and the delivery logs: query parameters the routes parse with, and the
// responses the OpenAPI document describes.
import { z } from "zod";
import { recordStamps } from "@/lib/api/record-views";
import { ALERT_FORMATS, ALERT_KINDS } from "./alert-kinds";

const instant = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00Z" }).transform((value) => new Date(value));

export const deliveriesQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50).describe("Deliveries per page (1-200)"),
    before: instant.optional().describe("Only deliveries created before this instant (the next page: the last one's createdAt)"),
  })
  .strict();

export const destinationSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string().describe("Scheme, host and first path segment; the rest is hidden (it often holds a token)"),
  format: z.enum(ALERT_FORMATS),
  kinds: z.array(z.enum(ALERT_KINDS)).describe("Kinds it receives; empty receives every kind"),
  enabled: z.boolean(),
  secretRotatedAt: z.string(),
  previousSecretUntil: z.string().nullable().describe("While set, the previous secret also signs (after a rotation)"),
  lastDelivery: z.object({ status: z.string(), at: z.string(), statusCode: z.number().int().nullable() }).nullable(),
  ...recordStamps,
});

export const destinationWithSecretSchema = z.object({
  destination: destinationSchema,
  secret: z.string().describe("The signing secret (whsec_…), shown only in this answer: store it at the receiver"),
});

export const testAlertResponseSchema = z.object({ deliveryId: z.string().describe("Follow it in the destination's deliveries") });
export const destinationDeletedSchema = z.object({ id: z.string(), deleted: z.literal(true) });

export const deliverySchema = z.object({
  id: z.string().describe("The webhook-id header of every attempt"),
  kind: z.enum(ALERT_KINDS),
  title: z.string(),
  status: z.enum(["queued", "delivered", "failed"]),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  source: z.object({ type: z.string(), id: z.string(), name: z.string() }),
  destination: z.object({ id: z.string(), name: z.string() }),
  attemptLog: z
    .array(z.object({ at: z.string(), statusCode: z.number().int().nullable(), durationMs: z.number().int(), error: z.string().nullable() }))
    .describe("The latest attempts, newest first"),
});
