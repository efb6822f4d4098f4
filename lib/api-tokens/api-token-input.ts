import { z } from "zod";
import { API_SCOPES, API_TOKEN_EXPIRY_DAYS } from "./api-token-scopes";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Enter a name, e.g. NINA production workflows").max(100, "Keep the name under 100 characters"),
  scopes: z.array(z.enum(API_SCOPES)).min(1, "Choose at least one scope").max(API_SCOPES.length),
  /** Days until it expires; absent or null never expires. */
  expiresInDays: z
    .number()
    .int()
    .refine((days) => (API_TOKEN_EXPIRY_DAYS as readonly number[]).includes(days), `Choose ${API_TOKEN_EXPIRY_DAYS.join(", ")} days or never`)
    .nullable()
    .optional(),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const apiTokenIdSchema = z.object({ id: z.string().min(1).max(64) });
