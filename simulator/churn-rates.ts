import { z } from "zod";

/**
 * How much the data changes per simulated tick, per org. The first three are shares of the (policy, system)
 * statuses; the rest are expected counts per tick (1.5 means one, and a second half the time).
 */
export interface ChurnRates {
  /** Share of settled statuses whose next run has the opposite outcome (success <-> failed). */
  statusFlips: number;
  /** Share of settled statuses the agent re-runs: a pending result that settles in a later tick. */
  pendingRuns: number;
  /** Share of pending statuses that settle (success or failed) each tick. */
  settle: number;
  systemsAdded: number;
  systemsRemoved: number;
  policiesAdded: number;
  /** A system or system group bound to or unbound from a policy. */
  associationChanges: number;
  /** An admin edits a policy's values or notes in the console. */
  policyEdits: number;
}

export const CHURN_PRESET_NAMES = ["off", "low", "demo"] as const;
export type ChurnPresetName = (typeof CHURN_PRESET_NAMES)[number];

export const CHURN_PRESETS: Record<ChurnPresetName, ChurnRates> = {
  off: { statusFlips: 0, pendingRuns: 0, settle: 0, systemsAdded: 0, systemsRemoved: 0, policiesAdded: 0, associationChanges: 0, policyEdits: 0 },
  // About 1% of statuses change per tick; a structural change every few ticks.
  low: { statusFlips: 0.005, pendingRuns: 0.005, settle: 0.5, systemsAdded: 0.05, systemsRemoved: 0.03, policiesAdded: 0.02, associationChanges: 0.1, policyEdits: 0.02 },
  // Something visible on every tick of a demo.
  demo: { statusFlips: 0.03, pendingRuns: 0.03, settle: 0.6, systemsAdded: 0.4, systemsRemoved: 0.3, policiesAdded: 0.1, associationChanges: 1, policyEdits: 0.3 },
};

/** The resolved knob: the rates in force and the preset they came from ("custom" once a rate is overridden). */
export type ChurnSettings = ChurnRates & { preset: ChurnPresetName | "custom" };

const share = z.number().min(0).max(1);
const perTick = z.number().min(0).max(1000);

const churnObjectSchema = z
  .object({
    preset: z.enum(CHURN_PRESET_NAMES),
    statusFlips: share,
    pendingRuns: share,
    settle: share,
    systemsAdded: perTick,
    systemsRemoved: perTick,
    policiesAdded: perTick,
    associationChanges: perTick,
    policyEdits: perTick,
  })
  .partial()
  .strict();

/** A preset name, or rates over a preset (`{"preset":"low","policyEdits":1}`) or over the current rates. */
export const churnPatchSchema = z.union([z.enum(CHURN_PRESET_NAMES), churnObjectSchema]);
export type ChurnPatch = z.infer<typeof churnPatchSchema>;

export function presetSettings(name: ChurnPresetName): ChurnSettings {
  return { preset: name, ...CHURN_PRESETS[name] };
}

export function applyChurnPatch(current: ChurnSettings, patch: ChurnPatch): ChurnSettings {
  if (typeof patch === "string") return presetSettings(patch);
  const { preset, ...overrides } = patch;
  const base = preset ? presetSettings(preset) : current;
  const custom = Object.keys(overrides).length > 0;
  const settings = { ...base, ...overrides, preset: custom ? "custom" : base.preset } as ChurnSettings;
  if (settings.statusFlips + settings.pendingRuns > 1) throw new RangeError("churn: statusFlips + pendingRuns must be at most 1");
  return settings;
}
