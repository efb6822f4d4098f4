import type { Metadata } from "next";
import { EMPTY_MONITOR, MonitorForm } from "@/components/monitors/monitor-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { monitorCredentialChoices } from "@/lib/compliance/monitor-form-data";

export const metadata: Metadata = { title: "New monitor" };

export default async function NewMonitorPage() {
  await requirePageUser("editor");
  const credentials = await monitorCredentialChoices();
  return (
    <div className="space-y-4">
      <PageHeader title="New monitor" />
      <MonitorForm initial={EMPTY_MONITOR} credentials={credentials} />
    </div>
  );
}
