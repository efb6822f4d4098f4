// The shapes of /api/v1/baselines: the responses the OpenAPI document describes.
import { z } from "zod";
import { DRIFT_KINDS } from "@/lib/integrations/baseline-contract";
import { SCHEDULE_KINDS } from "@/lib/schedules/schedule";
import { policyStateSchema } from "./baseline-input";

const time = z.string();
const nullableTime = z.string().nullable();

export const driftCheckSchema = z.object({
  id: z.string(),
  trigger: z.enum(["schedule", "manual"]),
  status: z.enum(["queued", "running", "success", "partial", "failed"]),
  baselineVersion: z.number().int().describe("The baseline version the check compared against"),
  scheduledFor: time,
  startedAt: nullableTime,
  finishedAt: nullableTime,
  durationMs: z.number().int().nullable(),
  requests: z.number().int().describe("Requests sent to the service"),
  policies: z.number().int(),
  open: z.number().int().describe("Drift items open after this check"),
  opened: z.number().int().describe("Items this check found for the first time"),
  resolved: z.number().int().describe("Items this check no longer found"),
  errorKind: z.string().nullable(),
  errorMessage: z.string().nullable(),
  requestedByName: z.string().nullable(),
});

export const baselineSchema = z.object({
  id: z.string(),
  name: z.string(),
  credential: z.object({ id: z.string(), name: z.string() }).nullable().describe("Null when the credential was deleted"),
  orgId: z.string().nullable(),
  schedule: z
    .object({ kind: z.enum(SCHEDULE_KINDS), timezone: z.string(), time: z.string().optional(), cron: z.string(), description: z.string() })
    .nullable()
    .describe("Null: checked on demand only"),
  nextCheckAt: nullableTime,
  currentVersion: z.number().int().describe("The version drift checks compare against"),
  policies: z.array(policyStateSchema).describe("The desired state: each policy's name, template, values, notes and associations"),
  openDrift: z.number().int(),
  lastCheck: driftCheckSchema.nullable(),
  createdBy: z.string().nullable(),
  createdAt: time,
  updatedAt: time,
  version: z.number().int().describe("Send it back with a change to refuse the change if someone else changed the baseline first"),
});

export const baselineVersionSchema = z.object({
  number: z.number().int(),
  reason: z.enum(["captured", "edited", "accepted", "recaptured"]),
  summary: z.string(),
  createdBy: z.string().nullable(),
  createdAt: time,
  policies: z.array(policyStateSchema),
});

export const driftItemSchema = z.object({
  id: z.string(),
  kind: z.enum(DRIFT_KINDS),
  policyId: z.string(),
  policyName: z.string(),
  subject: z.string().describe("What differs: a config field, an association target, a system"),
  expected: z.unknown().describe("The baseline's side (null: absent)"),
  actual: z.unknown().describe("Reality's side at the last check (null: absent)"),
  status: z.enum(["open", "resolved"]),
  resolution: z.enum(["gone", "accepted", "reverted"]).nullable(),
  since: time.describe("When a check first found it"),
  lastSeenAt: time,
  resolvedAt: nullableTime,
  resolvedBy: z.string().nullable(),
  firstCheckId: z.string(),
});

export const driftResponseSchema = z.object({
  items: z.array(driftItemSchema),
  checks: z.array(driftCheckSchema.extend({ errors: z.array(z.object({ policyId: z.string(), kind: z.string(), message: z.string() })).nullable() })).describe("The latest 20 checks, newest first"),
});

export const checkOutcomeSchema = z.object({
  checkId: z.string(),
  status: z.string().optional(),
  open: z.number().int().optional(),
  opened: z.number().int().optional(),
  resolved: z.number().int().optional(),
  openedIds: z.array(z.string()).optional(),
  alertsQueued: z.number().int().describe("Alert deliveries queued for the drift this check found first"),
});

export const driftActionSchema = z.object({ action: z.enum(["accept", "revert"]), confirm: z.boolean().optional() }).strict();

const plannedRequestSchema = z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()), body: z.unknown().optional(), purpose: z.string() });

export const driftActionResponseSchema = z.object({
  item: driftItemSchema,
  baselineVersion: z.number().int().nullable().optional().describe("accept: the new version (null for an acknowledged compliance regression)"),
  refusal: z.string().nullable().optional().describe("revert: why the item cannot be reverted"),
  changes: z.array(z.string()).optional().describe("revert without confirm: what the plan changes, read from the current state"),
  requests: z.array(plannedRequestSchema).optional().describe("revert without confirm: the exact requests apply sends (secrets masked)"),
  reads: z.number().int().optional().describe("revert without confirm: requests made to plan"),
  report: z
    .object({ policyId: z.string(), items: z.array(z.object({ action: z.string(), outcome: z.string() }).passthrough()), counts: z.record(z.string(), z.number().int()), complete: z.boolean(), requests: z.number().int(), durationMs: z.number().int() })
    .optional()
    .describe("revert with confirm: every step's outcome (added, removed, updated, already present or absent)"),
});
