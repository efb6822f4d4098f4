// What a baseline is made of, as the API and the server actions accept it. Unknown keys are refused so a typo is an
// error rather than a silently ignored field.
import { z } from "zod";
import { credentialIdInput, orgIdInput, recordName, recordUpdateSchema } from "@/lib/api/record-input";
import { scheduleInputSchema } from "@/lib/schedules/schedule";

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;
export const MAX_BASELINE_POLICIES = 500;

const objectId = (what: string) => z.string().trim().regex(OBJECT_ID, `${what} must be an ObjectID (24 hexadecimal characters)`);
const policyIds = z
  .array(objectId("each policy id"))
  .min(1, "choose at least one policy")
  .max(MAX_BASELINE_POLICIES, `at most ${MAX_BASELINE_POLICIES} policies per baseline`)
  .transform((ids) => [...new Set(ids)]);
/** null: checked on demand only. */
const schedule = scheduleInputSchema.nullable();

export const baselineCreateSchema = z
  .object({ name: recordName, credentialId: credentialIdInput, orgId: orgIdInput.optional().default(null), policyIds, schedule: schedule.optional().default(null) })
  .strict();
export type BaselineCreate = z.infer<typeof baselineCreateSchema>;

const associationSchema = z.object({ type: z.string().trim().min(1).max(40), id: z.string().trim().min(1).max(64) }).strict();
const valueSchema = z
  .object({ field: z.string().trim().min(1).max(64), name: z.string().max(200), value: z.unknown(), sensitive: z.boolean().optional() })
  .strict()
  .transform((v) => ({ ...v, value: v.value ?? null }));

/** A policy's desired state as an editor gives it (the shape the baseline's versions store). */
export const policyStateSchema = z
  .object({
    id: objectId("id"),
    name: z.string().trim().min(1, "a policy needs a name").max(200),
    template: z.object({ id: z.string().max(64), name: z.string().max(200) }).strict(),
    values: z.array(valueSchema).max(500),
    notes: z.string().max(10_000),
    associations: z.array(associationSchema).max(10_000),
  })
  .strict();

export const baselineUpdateSchema = recordUpdateSchema(
  {
    name: recordName,
    schedule,
    /** The whole desired state: makes a new version. Policies left out are no longer checked. */
    policies: z
      .array(policyStateSchema)
      .min(1, "a baseline keeps at least one policy")
      .max(MAX_BASELINE_POLICIES)
      .refine((list) => new Set(list.map((p) => p.id)).size === list.length, "each policy may appear once"),
    /** Why the desired state changed, shown in the history. */
    summary: z.string().trim().max(500),
  },
  ["summary"],
);
export type BaselineUpdate = z.infer<typeof baselineUpdateSchema>;

/** Capture again: the current state of the baseline's policies (and any added ones) becomes a new version. */
export const baselineCaptureSchema = z
  .object({ addPolicyIds: z.array(objectId("each policy id")).max(MAX_BASELINE_POLICIES).optional().default([]) })
  .strict();
export type BaselineCapture = z.infer<typeof baselineCaptureSchema>;

export const driftItemsQuerySchema = z
  .object({
    status: z.enum(["open", "resolved", "all"]).default("all").describe("open, resolved or all (default)"),
    limit: z.coerce.number().int().min(1).max(500).default(200).describe("Items per page (1-500), newest first"),
  })
  .strict();
