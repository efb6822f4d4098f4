// What an alert destination is made of, as the API and the server actions accept it (browser-safe: the form uses it).
import { z } from "zod";
import { recordName, recordUpdateSchema } from "@/lib/api/record-input";
import { ALERT_FORMATS, ALERT_KINDS } from "./alert-kinds";

const url = z.string().trim().min(1, "enter the webhook URL").max(2048, "at most 2048 characters");
const format = z.enum(ALERT_FORMATS, { error: `format must be ${ALERT_FORMATS.join(" or ")}` });
const kinds = z
  .array(z.enum(ALERT_KINDS, { error: `each kind must be one of ${ALERT_KINDS.join(", ")}` }))
  .max(ALERT_KINDS.length)
  .transform((list) => [...new Set(list)]);

const fields = { name: recordName, url, format, kinds, enabled: z.boolean() };

export const destinationCreateSchema = z
  .object({
    ...fields,
    format: format.optional().default("json"),
    /** Alert kinds it receives; empty or left out receives every kind. */
    kinds: kinds.optional().default([]),
    enabled: fields.enabled.optional().default(true),
  })
  .strict();
export type DestinationCreate = z.infer<typeof destinationCreateSchema>;

export const destinationUpdateSchema = recordUpdateSchema(fields);
export type DestinationUpdate = z.infer<typeof destinationUpdateSchema>;

export const rotateSecretSchema = z
  .object({
    /** Hours the previous secret keeps signing beside the new one (0 ends it at once). */
    overlapHours: z.number().int().min(0).max(168).optional().default(24),
  })
  .strict();

export const destinationIdSchema = z.object({ id: z.string().trim().min(1).max(64) }).strict();

export const destinationToggleSchema = z.object({ id: z.string().trim().min(1).max(64), enabled: z.boolean(), version: z.number().int().min(1) }).strict();

export const rotateSecretActionSchema = z.object({ id: z.string().trim().min(1).max(64), overlapHours: z.number().int().min(0).max(168) }).strict();
