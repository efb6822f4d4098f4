// The alerts a check raises for drift it found for the first time: one per new item, deduplicated by the
// baseline, the item's identity and the check that first saw it, so a retried check never alerts twice, through the
// same destinations as compliance alerts (lib/alerts).
import "server-only";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { db } from "@/lib/db";

/** Items alerted one by one per check; more are summed up in one alert (no alert storm from a mass change). */
export const MAX_ITEM_ALERTS = 25;

const KIND_WORDS: Record<string, string> = {
  associationAdded: "association added",
  associationRemoved: "association removed",
  valueChanged: "value changed",
  notesChanged: "notes changed",
  policyRenamed: "policy renamed",
  policyDeleted: "policy deleted",
  complianceRegression: "compliance regression",
};

export interface DriftAlert {
  kind: "drift.detected";
  dedupeKey: string;
  source: { type: "baseline"; id: string; name: string };
  title: string;
  text: string;
  data: { [key: string]: string | number | null | Array<Record<string, string>> };
}

const clip = (value: unknown) => {
  const text = value === null || value === undefined ? "(none)" : typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
};

/** The alerts for the items the check `checkId` found first (none for a check that found nothing new). */
export async function driftAlerts(baseline: { id: string; name: string }, checkId: string): Promise<DriftAlert[]> {
  const items = await db.driftItem.findMany({ where: { baselineId: baseline.id, firstCheckId: checkId }, orderBy: { key: "asc" } });
  const source = { type: "baseline" as const, id: baseline.id, name: baseline.name };
  const alerts: DriftAlert[] = items.slice(0, MAX_ITEM_ALERTS).map((item) => ({
    kind: "drift.detected",
    dedupeKey: `drift:${baseline.id}:${item.key}:${item.firstCheckId}`.slice(0, 300),
    source,
    title: `Drift in ${baseline.name}: ${KIND_WORDS[item.kind] ?? item.kind} on ${item.policyName}`.slice(0, 200),
    text: `${item.policyName} (${item.policyId}), ${item.subject}: baseline ${clip(item.expected)}, now ${clip(item.actual)}. Since ${item.firstSeenAt.toISOString()}.`,
    data: { itemId: item.id, checkId, kind: item.kind, policyId: item.policyId, policyName: item.policyName, subject: item.subject, expected: clip(item.expected), actual: clip(item.actual), since: item.firstSeenAt.toISOString() },
  }));
  const rest = items.slice(MAX_ITEM_ALERTS);
  if (rest.length > 0) {
    alerts.push({
      kind: "drift.detected",
      dedupeKey: `drift:${baseline.id}:check:${checkId}:more`,
      source,
      title: `Drift in ${baseline.name}: ${rest.length} more changes`.slice(0, 200),
      text: `The check ${checkId} found ${items.length} new drift items; ${MAX_ITEM_ALERTS} were alerted one by one, these ${rest.length} are listed here (first 25).`,
      data: { checkId, count: rest.length, items: rest.slice(0, 25).map((item) => ({ kind: item.kind, policyName: item.policyName, subject: item.subject })) },
    });
  }
  return alerts;
}

/**
 * Raises the check's alerts. Safe to call again for the same check (a retried job, a crash after recording): each
 * destination gets each alert once.
 */
export async function raiseDriftAlerts(checkId: string): Promise<{ queued: number }> {
  const check = await db.driftCheck.findUnique({ where: { id: checkId }, select: { status: true, baseline: { select: { id: true, name: true } } } });
  if (!check || check.status === "failed") return { queued: 0 };
  let queued = 0;
  for (const alert of await driftAlerts(check.baseline, checkId)) queued += (await raiseAlert(alert)).queued;
  return { queued };
}
