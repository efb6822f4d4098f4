import { z } from "zod";

const text = (max: number) => z.string().max(max, `Keep it under ${max} characters`);

/** What the credential form sends. Field values are checked by the integration's own field schemas. */
export const credentialFormSchema = z.object({
  name: z.string().trim().min(1, "Enter a name, e.g. JumpCloud Production").max(100, "Keep the name under 100 characters"),
  description: text(500).trim().default(""),
  service: z.string().min(1, "Choose an integration service"),
  authType: z.string().min(1, "Choose an auth type"),
  /** Every field of the auth type plus the connection fields. An empty secret on edit keeps the stored one. */
  fields: z.record(z.string().max(64), text(20_000)).default({}),
  /** Optional stored secrets the admin chose to clear (on edit). */
  clearSecrets: z.array(z.string().max(64)).max(20).optional(),
  /** What the form's last Test Connection returned for exactly these values (see test-receipt.ts). */
  testReceipt: z.string().max(8_000).optional(),
});
export type CredentialForm = z.infer<typeof credentialFormSchema>;

export const credentialUpdateSchema = credentialFormSchema.extend({
  id: z.string().min(1),
  /** The version the form was loaded at: a save over a newer version is refused, not merged. */
  expectedVersion: z.number().int().positive(),
});

/** Test Connection on the form's values; `id` when editing, so secrets left empty come from the stored ones. */
export const credentialTestSchema = credentialFormSchema.extend({
  // A connection can be tested before it has a name.
  name: z.string().trim().max(100, "Keep the name under 100 characters").default(""),
  id: z.string().min(1).optional(),
});
export type CredentialTest = z.infer<typeof credentialTestSchema>;
export type CredentialUpdate = z.infer<typeof credentialUpdateSchema>;

export const credentialIdSchema = z.object({ id: z.string().min(1) });
