// A monitor's alert rules and which of them a snapshot meets. Delivery (signed webhooks as jobs) reads the
// matches stored on each snapshot; this file only decides them, so a rule means the same thing everywhere.
import { z } from "zod";

export const alertRuleSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("complianceBelow"), percent: z.number().min(0).max(100) }).strict(),
    z.object({ type: z.literal("newFailures"), atLeast: z.number().int().min(1).max(1_000_000) }).strict(),
    z.object({ type: z.literal("snapshotFailed") }).strict(),
  ],
  { error: "each alert rule needs type complianceBelow (percent), newFailures (atLeast) or snapshotFailed" },
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
}

export interface AlertMatch {
  rule: AlertRule;
  message: string;
}

/** Passing share of the pairs whose state is known (pending counts as not passing), or null with none. */
export function complianceRate(counts: { passing: number; failing: number; pending: number }): number | null {
  const total = counts.passing + counts.failing + counts.pending;
  return total === 0 ? null : (counts.passing / total) * 100;
}

export function matchAlertRules(rules: readonly AlertRule[], outcome: SnapshotOutcome): AlertMatch[] {
  const matches: AlertMatch[] = [];
  const rate = complianceRate(outcome);
  for (const rule of rules) {
    if (rule.type === "complianceBelow" && rate !== null && rate < rule.percent) {
      matches.push({ rule, message: `Compliance is ${rate.toFixed(1)}%, below ${rule.percent}%.` });
    } else if (rule.type === "newFailures" && outcome.newFailures >= rule.atLeast) {
      matches.push({ rule, message: `${outcome.newFailures} pair(s) started failing.` });
    } else if (rule.type === "snapshotFailed" && outcome.status !== "success") {
      matches.push({ rule, message: outcome.status === "failed" ? "The snapshot failed." : "Some policies could not be read; their pairs are unknown." });
    }
  }
  return matches;
}
