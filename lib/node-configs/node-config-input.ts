// What a save sends: browser-safe (zod only), shared by the server actions and the HTTP API.
import { z } from "zod";
import { inputDataSchema, nodeConfigSchema } from "@/lib/nodes/node-config";

export const nodeConfigName = z.string().trim().min(1, "Enter a name, e.g. Create baseline policy").max(200, "Keep the name under 200 characters");

export const nodeConfigFormSchema = z.object({
  name: nodeConfigName,
  /** The platform format: integration_service, resource, operation, parameters. */
  config: nodeConfigSchema,
  credentialId: z.string().min(1).nullable().default(null),
  /** The upstream node's output the node is designed against; null when there is none. */
  sampleInput: inputDataSchema.nullable().default(null),
});
export type NodeConfigForm = z.input<typeof nodeConfigFormSchema>;
export type NodeConfigInput = z.infer<typeof nodeConfigFormSchema>;

export const nodeConfigUpdateSchema = nodeConfigFormSchema.extend({
  id: z.string().min(1),
  /** The version the builder loaded: a save over a newer version is refused, not merged. */
  expectedVersion: z.number().int().positive(),
});
export type NodeConfigUpdate = z.infer<typeof nodeConfigUpdateSchema>;

export const nodeConfigIdSchema = z.object({ id: z.string().min(1) });

export const nodeConfigRenameSchema = z.object({ id: z.string().min(1), name: nodeConfigName, expectedVersion: z.number().int().positive().optional() });
export type NodeConfigRename = z.infer<typeof nodeConfigRenameSchema>;

export const nodeConfigDuplicateSchema = z.object({ id: z.string().min(1), name: nodeConfigName.optional() });
