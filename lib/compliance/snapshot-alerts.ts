// Turns the alert rules a snapshot met (stored on the snapshot by record-snapshot.ts) into alerts. Each is keyed by
// the snapshot and the rule, so raising them again (a retried job finding the snapshot final) sends nothing twice.
// Newly failing and recovered pairs go out as one alert per snapshot: a bounded list and the full count.
import "server-only";
import { raiseAlert, type AlertKind } from "@/lib/alerts/raise-alert";
import { sqlPool } from "@/lib/database/sql-pool";
import { db } from "@/lib/db";
import type { JsonObject } from "@/lib/json/json-value";
import { alertRuleSchema, type AlertRule } from "./alert-rules";

/** Pairs listed in one alert; the count says how many there were in all. */
export const ALERT_PAIR_LIMIT = 50;

const KIND_OF_RULE: Record<AlertRule["type"], AlertKind> = {
  newFailures: "compliance.newFailures",
  recovered: "compliance.recovered",
  complianceBelow: "compliance.rateBelow",
  snapshotFailed: "compliance.monitorFailed",
};

function ruleKey(rule: AlertRule): string {
  if (rule.type === "complianceBelow") return `complianceBelow:${rule.percent}`;
  if (rule.type === "newFailures" || rule.type === "recovered") return `${rule.type}:${rule.atLeast}`;
  return rule.type;
}

interface ChangedPair extends JsonObject {
  policyId: string;
  policyName: string | null;
  systemId: string;
  hostname: string | null;
  detail: string | null;
}

/**
 * The pairs that started failing (`newFailures`) or passed again after failing (`recovered`) in the snapshot observed
 * at `at`, judged like record-snapshot.ts does: by the last state before it that was not unknown.
 */
async function changedPairs(monitorId: string, at: Date, change: "newFailures" | "recovered"): Promise<ChangedPair[]> {
  const rows = await sqlPool().query<ChangedPair>(
    `SELECT p."policyId" AS "policyId", cp.name AS "policyName", p."systemId" AS "systemId", cs.hostname, t.detail
     FROM "ComplianceTransition" t
     JOIN "CompliancePair" p ON p.id = t."pairId"
     LEFT JOIN "CompliancePolicy" cp ON cp."monitorId" = p."monitorId" AND cp."policyId" = p."policyId"
     LEFT JOIN "ComplianceSystem" cs ON cs."monitorId" = p."monitorId" AND cs."systemId" = p."systemId"
     LEFT JOIN LATERAL (
       SELECT k.state AS known_before FROM "ComplianceTransition" k
       WHERE k."pairId" = t."pairId" AND k.at < t.at AND k.state <> 'unknown' ORDER BY k.at DESC LIMIT 1
     ) before_change ON true
     WHERE t.at = $2 AND p."monitorId" = $1
       AND CASE WHEN $3 = 'newFailures' THEN t.state = 'failing' AND before_change.known_before IS DISTINCT FROM 'failing'
                ELSE t.state = 'passing' AND before_change.known_before = 'failing' END
     ORDER BY cp.name NULLS LAST, p."systemId" LIMIT $4`,
    [monitorId, at, change, ALERT_PAIR_LIMIT],
  );
  return rows.rows;
}

function pairLines(pairs: ChangedPair[], total: number): string {
  const lines = pairs.slice(0, 10).map((pair) => `• ${pair.policyName ?? pair.policyId} on ${pair.hostname ?? pair.systemId}${pair.detail ? `: ${pair.detail.slice(0, 120)}` : ""}`);
  if (total > lines.length) lines.push(`… and ${total - lines.length} more`);
  return lines.join("\n");
}

/** Raises the alerts of a finished snapshot; returns how many deliveries were queued (0 when all were sent before). */
export async function raiseSnapshotAlerts(snapshotId: string): Promise<number> {
  const snapshot = await db.complianceSnapshot.findUnique({ where: { id: snapshotId }, include: { monitor: { select: { id: true, name: true } } } });
  // A snapshot given up after every retry observed nothing: it has no observedAt, only its failure to tell.
  if (!snapshot || !Array.isArray(snapshot.alerts)) return 0;
  const { monitor, observedAt } = snapshot;
  const source = { type: "monitor" as const, id: monitor.id, name: monitor.name };
  const rate = snapshot.passing + snapshot.failing + snapshot.pending === 0 ? null : (snapshot.passing / (snapshot.passing + snapshot.failing + snapshot.pending)) * 100;
  const facts = {
    monitorId: monitor.id,
    monitorName: monitor.name,
    snapshotId,
    observedAt: observedAt?.toISOString() ?? null,
    status: snapshot.status,
    complianceRate: rate === null ? null : Math.round(rate * 10) / 10,
    counts: { passing: snapshot.passing, failing: snapshot.failing, pending: snapshot.pending, unknown: snapshot.unknown },
  };
  let queued = 0;
  for (const stored of snapshot.alerts) {
    const match = (stored ?? {}) as { rule?: unknown; message?: unknown; count?: unknown };
    const parsed = alertRuleSchema.safeParse(match.rule);
    if (!parsed.success) continue;
    const rule = parsed.data;
    const message = typeof match.message === "string" ? match.message : "";
    const base = { kind: KIND_OF_RULE[rule.type], dedupeKey: `snapshot:${snapshotId}:${ruleKey(rule)}`, source };
    let event: { title: string; text: string; data: JsonObject };
    if (rule.type === "newFailures" || rule.type === "recovered") {
      const failing = rule.type === "newFailures";
      const total = typeof match.count === "number" ? match.count : 0;
      const pairs = observedAt ? await changedPairs(monitor.id, observedAt, rule.type) : [];
      const count = Math.max(total, pairs.length);
      event = {
        title: failing ? `${monitor.name}: ${count} pair(s) started failing` : `${monitor.name}: ${count} failing pair(s) recovered`,
        text: `${message}\n${pairLines(pairs, count)}`,
        data: { ...facts, rule, count, pairs, truncated: count > pairs.length },
      };
    } else if (rule.type === "complianceBelow") {
      event = { title: `${monitor.name}: compliance below ${rule.percent}%`, text: message, data: { ...facts, rule } };
    } else {
      event = {
        title: `${monitor.name}: snapshot ${snapshot.status === "failed" ? "failed" : "incomplete"}`,
        text: [message, snapshot.errorMessage].filter(Boolean).join("\n"),
        data: { ...facts, rule, errorKind: snapshot.errorKind, errorMessage: snapshot.errorMessage },
      };
    }
    queued += (await raiseAlert({ ...base, ...event })).queued;
  }
  return queued;
}
