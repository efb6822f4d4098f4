// What the record inputs (monitors, baselines, alert destinations) accept alike, as the API and the server actions
// take them. Browser-safe: the forms use them.
import { z } from "zod";

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

export const recordName = z.string().trim().min(1, "enter a name").max(100, "at most 100 characters");
export const credentialIdInput = z.string().trim().min(1, "choose a credential").max(64);
/** The organization a multi-org credential reads; empty is none. */
export const orgIdInput = z
  .union([z.string().trim(), z.null()])
  .transform((value) => (value === null || value === "" ? null : value))
  .refine((value) => value === null || OBJECT_ID.test(value), "orgId must be a JumpCloud organization ObjectID (24 hexadecimal characters)");

/**
 * An update: any of the record's `fields`, with the version the caller read (an update made since then is reported
 * instead of overwritten). It must change something besides the version and the `notChanges` fields.
 */
export function recordUpdateSchema<Shape extends z.ZodRawShape>(fields: Shape, notChanges: readonly string[] = []) {
  return z
    .object(fields)
    .partial()
    .extend({ version: z.number().int().min(1).optional() })
    .strict()
    .refine((patch) => Object.keys(patch).some((key) => key !== "version" && !notChanges.includes(key)), "send at least one field to change");
}
