import type { Metadata } from "next";
import { MonitorForm, type MonitorFormValues } from "@/components/monitors/monitor-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { knownPolicyNames, monitorCredentialChoices } from "@/lib/compliance/monitor-form-data";
import { getMonitor } from "@/lib/compliance/monitor-store";
import { orNotFound } from "@/lib/errors/or-not-found";

export const metadata: Metadata = { title: "Edit monitor" };

export default async function EditMonitorPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("editor");
  const { id } = await params;
  const monitor = await orNotFound(getMonitor(id));
  const policyIds = monitor.scope.kind === "policies" ? monitor.scope.policyIds : [];
  const [credentials, names] = await Promise.all([monitorCredentialChoices(), knownPolicyNames(monitor.id, policyIds)]);
  const { schedule } = monitor;
  const initial: MonitorFormValues = {
    id: monitor.id,
    version: monitor.version,
    name: monitor.name,
    credentialId: monitor.credential?.id ?? "",
    orgId: monitor.orgId ?? "",
    scopeKind: monitor.scope.kind,
    policies: policyIds.map((policyId) => ({ id: policyId, name: names.get(policyId) ?? policyId })),
    pattern: monitor.scope.kind === "nameFilter" ? monitor.scope.pattern : "",
    scheduleKind: schedule.kind,
    time: schedule.kind === "daily" ? schedule.time : "06:00",
    cron: schedule.cron,
    timezone: schedule.timezone,
    alertRules: monitor.alertRules,
    enabled: monitor.enabled,
  };
  return (
    <div className="space-y-4">
      <PageHeader title={`Edit ${monitor.name}`} />
      <MonitorForm initial={initial} credentials={credentials} />
    </div>
  );
}
