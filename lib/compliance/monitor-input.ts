// What a monitor is made of, as the API and the server actions accept it. Unknown keys are refused so a typo
// (e.g. "schedul") is an error rather than a silently ignored field.
import { z } from "zod";
import { credentialIdInput, orgIdInput, recordName, recordUpdateSchema } from "@/lib/api/record-input";
import { alertRulesSchema } from "./alert-rules";
import { scheduleInputSchema } from "@/lib/schedules/schedule";
import { scopeInputSchema } from "./monitor-scope";

const fields = {
  name: recordName,
  credentialId: credentialIdInput,
  orgId: orgIdInput,
  scope: scopeInputSchema,
  schedule: scheduleInputSchema,
  alertRules: alertRulesSchema,
  enabled: z.boolean(),
};

export const monitorCreateSchema = z
  .object({
    ...fields,
    orgId: fields.orgId.optional().default(null),
    scope: fields.scope.optional().default({ kind: "all" }),
    alertRules: fields.alertRules.optional().default([]),
    enabled: fields.enabled.optional().default(true),
  })
  .strict();
export type MonitorCreate = z.infer<typeof monitorCreateSchema>;

export const monitorUpdateSchema = recordUpdateSchema(fields);
export type MonitorUpdate = z.infer<typeof monitorUpdateSchema>;
