// A monitor's alert rules and which of them a snapshot meets. Delivery (signed webhooks as jobs) reads the
// matches stored on each snapshot; this file only decides them, so a rule means the same thing everywhere.
import { z } from "zod";

export const alertRuleSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("complianceBelow"), percent: z.number().min(0).max(100) }).strict(),
    z.object({ type: z.literal("newFailures"), atLeast: z.number().int().min(1).max(1_000_000) }).strict(),
    z.object({ type: z.literal("snapshotFailed") }).strict(),
    z.object({ type: z.literal("recovered"), atLeast: z.number().int().min(1).max(1_000_000).default(1) }).strict(),
  ],
  { error: "each alert rule needs type complianceBelow (percent), newFailures (atLeast), snapshotFailed or recovered (atLeast, default 1)" },
);
export const alertRulesSchema = z.array(alertRuleSchema).max(20, "at most 20 alert rules");
export type AlertRule = z.infer<typeof alertRuleSchema>;

export interface SnapshotOutcome {
  status: "success" | "partial" | "failed";
  passing: number;
  failing: number;
  pending: number;
  unknown: number;
  /** Pairs that turned failing in this snapshot. */
  newFailures: number;
  /** Pairs that turned from failing to passing in this snapshot. */
  recovered?: number;
  /**
   * The monitor's previous snapshot: rate and failure rules fire when the monitor crosses into the condition, not
   * on every snapshot that stays in it (an hourly monitor below its threshold alerts once, not 24 times a day).
   */
  previous?: { status: "success" | "partial" | "failed"; rate: number | null } | null;
}

export interface AlertMatch {
  rule: AlertRule;
  message: string;
  /** The pairs behind a newFailures or recovered match. */
  count?: number;
}

/** Passing share of the pairs whose state is known (pending counts as not passing), or null with none. */
export function complianceRate(counts: { passing: number; failing: number; pending: number }): number | null {
  const total = counts.passing + counts.failing + counts.pending;
  return total === 0 ? null : (counts.passing / total) * 100;
}

export function matchAlertRules(rules: readonly AlertRule[], outcome: SnapshotOutcome): AlertMatch[] {
  const matches: AlertMatch[] = [];
  const rate = complianceRate(outcome);
  const previous = outcome.previous ?? null;
  for (const rule of rules) {
    const wasBelow = rule.type === "complianceBelow" && previous !== null && previous.rate !== null && previous.rate < rule.percent;
    const wasFailing = previous !== null && previous.status !== "success";
    if (rule.type === "complianceBelow" && rate !== null && rate < rule.percent && !wasBelow) {
      matches.push({ rule, message: `Compliance is ${rate.toFixed(1)}%, below ${rule.percent}%.` });
    } else if (rule.type === "newFailures" && outcome.newFailures >= rule.atLeast) {
      matches.push({ rule, message: `${outcome.newFailures} pair(s) started failing.`, count: outcome.newFailures });
    } else if (rule.type === "recovered" && (outcome.recovered ?? 0) >= rule.atLeast) {
      matches.push({ rule, message: `${outcome.recovered} failing pair(s) passed again.`, count: outcome.recovered });
    } else if (rule.type === "snapshotFailed" && outcome.status !== "success" && !wasFailing) {
      matches.push({ rule, message: outcome.status === "failed" ? "The snapshot failed." : "Some policies could not be read; their pairs are unknown." });
    }
  }
  return matches;
}
