// A policy's systems and a system's policies: the drill-down pages and their CSV exports. A policy or system is
// named by what the monitors stored (policy names from the policy list, hostnames from the systems lookup).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { complianceChange, listPairs, PAIR_STATES, type PairRow, type PairState } from "./compliance-queries";
import { csvFileName, csvResponse, pairsCsvStream } from "./pairs-csv";

export type DrillTarget = { policyId: string; systemId?: never } | { systemId: string; policyId?: never };

/** Rows a drill-down page shows at once; the CSV has them all. */
export const DRILL_DOWN_PAGE = 1000;

async function nameOf(target: DrillTarget, monitorId?: string): Promise<string | undefined> {
  const monitor = monitorId ? { monitorId } : {};
  if (target.policyId !== undefined) {
    const row = await db.compliancePolicy.findFirst({ where: { policyId: target.policyId, ...monitor }, orderBy: { lastSeenAt: "desc" }, select: { name: true } });
    return row?.name;
  }
  const row = await db.complianceSystem.findFirst({ where: { systemId: target.systemId, ...monitor }, orderBy: { lastSeenAt: "desc" }, select: { hostname: true } });
  return row ? (row.hostname ?? target.systemId) : undefined;
}

function notSeen(target: DrillTarget): AppError {
  return target.policyId !== undefined
    ? new AppError("notFound", "No monitor has seen this policy. Open it from the compliance page, or check the policy id.")
    : new AppError("notFound", "No monitor has seen this system. Open it from the compliance page, or check the system id.");
}

export interface DrillDownView {
  name: string;
  pairs: PairRow[];
  /** More pairs exist than the page shows (the CSV has every one). */
  more: boolean;
  counts: Record<Exclude<PairState, "removed">, number>;
  observedAt: string | null;
}

export async function drillDownView(target: DrillTarget, monitorId?: string): Promise<DrillDownView> {
  const name = await nameOf(target, monitorId);
  if (name === undefined) throw notSeen(target);
  const [page, change] = await Promise.all([
    listPairs({ ...target, ...(monitorId ? { monitorId } : {}), limit: DRILL_DOWN_PAGE }),
    complianceChange(monitorId ? { monitorId } : {}),
  ]);
  const counts = { passing: 0, failing: 0, pending: 0, unknown: 0 };
  for (const pair of page.pairs) if (pair.state !== "removed") counts[pair.state] += 1;
  // Failing first, then the rest; each oldest change first as listed.
  const order = new Map(PAIR_STATES.map((state, index) => [state, state === "failing" ? -1 : index]));
  const pairs = [...page.pairs].sort((a, b) => order.get(a.state)! - order.get(b.state)!);
  return { name, pairs, more: page.next !== null, counts, observedAt: change.observedAt };
}

export async function drillDownExport(
  target: DrillTarget,
  query: { monitorId?: string | undefined; state?: PairState[] | undefined; at?: Date | undefined },
  signal: AbortSignal,
): Promise<Response> {
  const name = await nameOf(target, query.monitorId);
  if (name === undefined) throw notSeen(target);
  const snapshotTime = query.at ?? (await complianceChange(query.monitorId ? { monitorId: query.monitorId } : {})).observedAt;
  const stream = pairsCsvStream(
    { ...target, ...(query.monitorId ? { monitorId: query.monitorId } : {}), ...(query.state ? { states: query.state } : {}), ...(query.at ? { at: query.at } : {}) },
    signal,
  );
  return csvResponse(stream, csvFileName(`${target.policyId !== undefined ? "policy" : "system"}-${name}`, snapshotTime));
}
