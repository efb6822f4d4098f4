import type { Metadata } from "next";
import { EMPTY_MONITOR, MonitorForm } from "@/components/monitors/monitor-form";
import { requirePageUser } from "@/lib/auth/page-guard";
import { monitorCredentialChoices } from "@/lib/compliance/monitor-form-data";

export const metadata: Metadata = { title: "New monitor" };

export default async function NewMonitorPage() {
  await requirePageUser("editor");
  const credentials = await monitorCredentialChoices();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">New monitor</h1>
      <MonitorForm initial={EMPTY_MONITOR} credentials={credentials} />
    </div>
  );
}
