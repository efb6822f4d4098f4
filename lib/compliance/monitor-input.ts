// What a monitor is made of, as the API and the server actions accept it. Unknown keys are refused so a typo
// (e.g. "schedul") is an error rather than a silently ignored field.
import { z } from "zod";
import { alertRulesSchema } from "./alert-rules";
import { scheduleInputSchema } from "@/lib/schedules/schedule";
import { scopeInputSchema } from "./monitor-scope";

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

const name = z.string().trim().min(1, "enter a name").max(100, "at most 100 characters");
const credentialId = z.string().trim().min(1, "choose a credential").max(64);
const orgId = z
  .union([z.string().trim(), z.null()])
  .transform((value) => (value === null || value === "" ? null : value))
  .refine((value) => value === null || OBJECT_ID.test(value), "orgId must be a JumpCloud organization ObjectID (24 hexadecimal characters)");

export const monitorCreateSchema = z
  .object({
    name,
    credentialId,
    orgId: orgId.optional().default(null),
    scope: scopeInputSchema.optional().default({ kind: "all" }),
    schedule: scheduleInputSchema,
    alertRules: alertRulesSchema.optional().default([]),
    enabled: z.boolean().optional().default(true),
  })
  .strict();
export type MonitorCreate = z.infer<typeof monitorCreateSchema>;

export const monitorUpdateSchema = z
  .object({
    name: name.optional(),
    credentialId: credentialId.optional(),
    orgId: orgId.optional(),
    scope: scopeInputSchema.optional(),
    schedule: scheduleInputSchema.optional(),
    alertRules: alertRulesSchema.optional(),
    enabled: z.boolean().optional(),
    /** The version the caller read; an update made since then is reported instead of overwritten. */
    version: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).some((key) => key !== "version"), "send at least one field to change");
export type MonitorUpdate = z.infer<typeof monitorUpdateSchema>;
