// What a monitor is made of, as the API and the server actions accept it. Unknown keys are refused so a typo
// (e.g. "schedul") is an error rather than a silently ignored field.
import { z } from "zod";
import { credentialIdInput, orgIdInput, recordName, recordUpdateSchema } from "@/lib/api/record-input";
import { alertRulesSchema } from "./alert-rules";
import { scheduleInputSchema } from "@/lib/schedules/schedule";
import { scopeInputSchema } from "./monitor-scope";

export const monitorCreateSchema = z
  .object({
    name: recordName,
    credentialId: credentialIdInput,
    orgId: orgIdInput.optional().default(null),
    scope: scopeInputSchema.optional().default({ kind: "all" }),
    schedule: scheduleInputSchema,
    alertRules: alertRulesSchema.optional().default([]),
    enabled: z.boolean().optional().default(true),
  })
  .strict();
export type MonitorCreate = z.infer<typeof monitorCreateSchema>;

export const monitorUpdateSchema = recordUpdateSchema({
  name: recordName.optional(),
  credentialId: credentialIdInput.optional(),
  orgId: orgIdInput.optional(),
  scope: scopeInputSchema.optional(),
  schedule: scheduleInputSchema.optional(),
  alertRules: alertRulesSchema.optional(),
  enabled: z.boolean().optional(),
});
export type MonitorUpdate = z.infer<typeof monitorUpdateSchema>;
