// Compliance regressions of a baseline's systems: (policy, system) pairs of the baseline's policies that a monitor
// on the same credential (and organization) currently reads as failing, and that started failing after the baseline
// was captured. Pairs already failing at capture are part of the state the baseline adopted.
import "server-only";
import { db } from "@/lib/db";
import type { DriftFinding, PolicyState } from "@/lib/integrations/baseline-contract";

/** A bounded list: a mass failure is one alert-worthy event, not thousands of rows per check. */
export const MAX_REGRESSIONS = 500;

export async function complianceRegressions(input: { credentialId: string; orgId: string | null; policies: readonly PolicyState[]; since: Date }): Promise<DriftFinding[]> {
  if (input.policies.length === 0) return [];
  const names = new Map(input.policies.map((p) => [p.id, p.name]));
  const pairs = await db.compliancePair.findMany({
    where: {
      monitor: { credentialId: input.credentialId, orgId: input.orgId },
      policyId: { in: [...names.keys()] },
      state: "failing",
      since: { gt: input.since },
    },
    select: { policyId: true, systemId: true, since: true, detail: true },
    orderBy: [{ since: "asc" }, { id: "asc" }],
    take: MAX_REGRESSIONS * 2,
  });
  const seen = new Map<string, DriftFinding>();
  for (const pair of pairs) {
    const id = `${pair.policyId}:${pair.systemId}`;
    // Two monitors on one credential see the same pair; the earlier failure is the regression's start.
    if (seen.has(id) || seen.size >= MAX_REGRESSIONS) continue;
    const since = pair.since.toISOString();
    seen.set(id, {
      key: `regression:${id}:${since}`,
      kind: "complianceRegression",
      policyId: pair.policyId,
      policyName: names.get(pair.policyId) ?? pair.policyId,
      subject: `system ${pair.systemId}`,
      detail: { systemId: pair.systemId, since },
      expected: "not failing (as at capture)",
      actual: pair.detail ? `failing: ${pair.detail}` : "failing",
    });
  }
  return [...seen.values()];
}
