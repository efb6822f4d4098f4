import { z } from "zod";
import { applyChurnPatch, churnPatchSchema, presetSettings, type ChurnSettings } from "./churn-rates";
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
    churn: churnPatchSchema,
    /** Simulated minutes per tick (default 60). */
    tickMinutes: z.number().int().min(1).max(525_600),
    /** Advance one tick every so many real milliseconds; null advances only on request. */
    advanceIntervalMs: z.number().int().min(10).max(86_400_000).nullable(),
  })
  .partial()
  .strict();

export type OptionsPatch = z.infer<typeof optionsPatchSchema>;

export type ResolvedOptions = Required<Omit<OptionsPatch, "size" | "churn">> & { size: typeof DEFAULT_SIZE; churn: ChurnSettings };

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
  churn: presetSettings("off"),
  tickMinutes: 60,
  advanceIntervalMs: null,
};

/** Throws a RangeError when the merged churn rates are inconsistent. */
export function applyPatch(current: ResolvedOptions, patch: OptionsPatch): ResolvedOptions {
  const churn = patch.churn === undefined ? current.churn : applyChurnPatch(current.churn, patch.churn);
  return { ...current, ...patch, size: { ...current.size, ...patch.size }, churn };
}
