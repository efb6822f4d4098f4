// What the monitor form needs besides the monitor: the credentials it may use, and the names of policies a
// monitor has already seen (so an edited scope shows names, not only ids).
import "server-only";
import { db } from "@/lib/db";
import { getIntegration } from "@/lib/integrations/registry";

/** Every credential, marked usable when its service has policy statuses and it is not a System Context one. */
export async function monitorCredentialChoices(): Promise<Array<{ id: string; name: string; usable: boolean }>> {
  const rows = await db.credential.findMany({ select: { id: true, name: true, service: true, authType: true }, orderBy: { name: "asc" } });
  return rows.map((row) => ({ id: row.id, name: row.name, usable: Boolean(getIntegration(row.service)?.compliance) && row.authType !== "systemContext" }));
}

export async function knownPolicyNames(monitorId: string, policyIds: readonly string[]): Promise<Map<string, string>> {
  if (policyIds.length === 0) return new Map();
  const rows = await db.compliancePolicy.findMany({ where: { monitorId, policyId: { in: [...policyIds] } }, select: { policyId: true, name: true } });
  return new Map(rows.map((row) => [row.policyId.toLowerCase(), row.name]));
}
