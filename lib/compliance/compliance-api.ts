// The shapes of /api/v1/monitors and /api/v1/compliance: query parameters the routes parse with, and the
// responses the OpenAPI document describes.
import { z } from "zod";
import { recordStamps } from "@/lib/api/record-views";
import { alertRuleSchema } from "./alert-rules";
import { PAIR_STATES } from "./compliance-queries";
import { SCHEDULE_KINDS } from "@/lib/schedules/schedule";

const instant = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00Z" }).transform((value) => new Date(value));
const id = z.string().trim().min(1).max(64);

/** Reads a route's query string with `schema`; repeated parameters become lists. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    raw[key] = values.length === 1 ? values[0]! : values;
  }
  return schema.parse(raw);
}

export const snapshotsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50).describe("Snapshots per page (1-200)"),
    before: instant.optional().describe("Only snapshots scheduled before this instant (the next page: the last one's scheduledFor)"),
  })
  .strict();

export const summaryQuerySchema = z.object({ monitorId: id.optional().describe("One monitor; default all") }).strict();

const stateList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(",")).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(PAIR_STATES, { error: `state must be one of ${PAIR_STATES.join(", ")}` })));

export const pairsQuerySchema = z
  .object({
    monitorId: id.optional().describe("One monitor; default all"),
    state: stateList.optional().describe("Comma-separated states (failing for the failing pairs); default all but removed"),
    policyId: id.optional(),
    systemId: id.optional(),
    at: instant.optional().describe("The states at this instant instead of now"),
    limit: z.coerce.number().int().min(1).max(1000).default(100).describe("Pairs per page (1-1000)"),
    after: z.string().max(200).optional().describe("The `next` cursor of the previous page"),
  })
  .strict();

export const csvQuerySchema = pairsQuerySchema.omit({ limit: true, after: true });

/** A policy's or a system's view as CSV: the other id is in the path. */
export const drillDownCsvQuerySchema = pairsQuerySchema.omit({ limit: true, after: true, policyId: true, systemId: true });

export const trendQuerySchema = z
  .object({
    monitorId: id.optional(),
    bucket: z.enum(["hour", "day"]).default("day"),
    from: instant.optional().describe("Default: 30 days (day buckets) or 48 hours (hour buckets) before `to`"),
    to: instant.optional().describe("Default: now"),
    timezone: z.string().max(64).default("UTC").describe("IANA time zone the buckets start in"),
  })
  .strict();

// ---- responses ----------------------------------------------------------------------------------------

const counts = { passing: z.number().int(), failing: z.number().int(), pending: z.number().int(), unknown: z.number().int() };
const nullableTime = z.string().nullable();

export const snapshotSummarySchema = z.object({
  id: z.string(),
  trigger: z.enum(["schedule", "manual"]),
  status: z.enum(["queued", "running", "success", "partial", "failed", "superseded"]),
  scheduledFor: z.string(),
  observedAt: nullableTime.describe("When the data was read; the snapshot's transitions carry this time"),
  finishedAt: nullableTime,
  durationMs: z.number().int().nullable(),
  requests: z.number().int().describe("JumpCloud requests sent, retries included"),
  ...counts,
  transitions: z.number().int().describe("Pairs whose state changed in this snapshot"),
  errorKind: z.string().nullable(),
  errorMessage: z.string().nullable(),
});

export const snapshotDetailSchema = snapshotSummarySchema.extend({
  requestedByName: z.string().nullable(),
  attempts: z.number().int(),
  startedAt: nullableTime,
  pages: z.number().int(),
  policies: z.number().int(),
  policiesFailed: z.number().int(),
  errors: z.array(z.object({ policyId: z.string(), policyName: z.string(), kind: z.string(), message: z.string() })).nullable(),
  alerts: z.array(z.object({ rule: alertRuleSchema, message: z.string() })).nullable(),
});

export const monitorSchema = z.object({
  id: z.string(),
  name: z.string(),
  credential: z.object({ id: z.string(), name: z.string() }).nullable().describe("Null when the credential was deleted"),
  orgId: z.string().nullable(),
  scope: z.object({ kind: z.enum(["all", "policies", "nameFilter"]), policyIds: z.array(z.string()).optional(), pattern: z.string().optional() }),
  schedule: z.object({
    kind: z.enum(SCHEDULE_KINDS),
    timezone: z.string(),
    time: z.string().optional(),
    cron: z.string(),
    description: z.string(),
  }),
  alertRules: z.array(alertRuleSchema),
  enabled: z.boolean(),
  nextRunAt: nullableTime,
  lastSnapshot: snapshotSummarySchema.nullable(),
  ...recordStamps,
});

export const runNowResponseSchema = z.object({
  snapshot: snapshotSummarySchema,
  created: z.boolean().describe("False when a snapshot of this monitor was already queued or running: that one is returned"),
});

export const deletedResponseSchema = z.object({ id: z.string(), deleted: z.literal(true) });

export const summaryResponseSchema = z.object({
  total: z.object({ ...counts, complianceRate: z.number().nullable() }),
  monitors: z.array(
    z.object({
      monitorId: z.string(),
      monitorName: z.string(),
      ...counts,
      complianceRate: z.number().nullable().describe("Passing share of passing, failing and pending pairs, in percent"),
      lastSnapshot: z.object({ id: z.string(), status: z.string(), observedAt: nullableTime, finishedAt: nullableTime }).nullable(),
    }),
  ),
  failingPolicies: z.array(
    z.object({ monitorId: z.string(), policyId: z.string(), policyName: z.string().nullable(), failing: z.number().int(), systems: z.number().int() }),
  ),
});

export const pairSchema = z.object({
  monitorId: z.string(),
  policyId: z.string(),
  policyName: z.string().nullable(),
  systemId: z.string(),
  hostname: z.string().nullable().describe("Filled once the integration can look systems up"),
  state: z.enum(PAIR_STATES),
  since: z.string().describe("When the pair entered this state"),
  failingSince: nullableTime.describe("For failing pairs: start of the failing streak (unknown stretches do not end it)"),
  detail: z.string().nullable(),
  resultAt: nullableTime,
});

export const pairsResponseSchema = z.object({ pairs: z.array(pairSchema), next: z.string().nullable() });

export const trendResponseSchema = z.array(
  z.object({ bucket: z.string(), ...counts, complianceRate: z.number().nullable(), snapshots: z.number().int() }),
);
