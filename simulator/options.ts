import { z } from "zod";
import { FAULT_KINDS } from "./faults";
import { DEFAULT_SIZE } from "./seed";

/** Every knob with its bounds; `setOptions` and POST /__simulator/options both validate patches with it. */
export const optionsPatchSchema = z
  .object({
    port: z.number().int().min(0).max(65535),
    seed: z.number().int(),
    size: z
      .object({
        policies: z.number().int().min(0).max(100_000),
        systems: z.number().int().min(0).max(100_000),
        systemGroups: z.number().int().min(0).max(10_000),
        policyResults: z.number().int().min(0).max(2_000_000),
      })
      .partial()
      .strict(),
    latencyMs: z.number().min(0).max(600_000),
    rateLimit: z.object({ requestsPerSecond: z.number().positive() }).strict().nullable(),
    faultRate: z.number().min(0).max(1),
    faultKinds: z.array(z.enum(FAULT_KINDS as ["429", "502", "503", "504", "timeout"])),
    tokenTtlSeconds: z.number().int().min(1).max(86_400),
    timeoutMs: z.number().int().min(0).max(600_000),
    timeoutMode: z.enum(["drop", "late"]),
  })
  .partial()
  .strict();

export type OptionsPatch = z.infer<typeof optionsPatchSchema>;

export type ResolvedOptions = Required<Omit<OptionsPatch, "size">> & { size: typeof DEFAULT_SIZE };

export const DEFAULT_OPTIONS: ResolvedOptions = {
  port: 0,
  seed: 1,
  size: DEFAULT_SIZE,
  latencyMs: 0,
  rateLimit: null,
  faultRate: 0,
  faultKinds: [...FAULT_KINDS],
  tokenTtlSeconds: 3600,
  timeoutMs: 30_000,
  timeoutMode: "drop",
};

export function applyPatch(current: ResolvedOptions, patch: OptionsPatch): ResolvedOptions {
  return { ...current, ...patch, size: { ...current.size, ...patch.size } };
}
