import type { Metadata } from "next";
import Link from "next/link";
import { CreateDestinationForm } from "@/components/alerts/create-destination-form";
import { DeliveryLog } from "@/components/alerts/delivery-log";
import { DestinationActions } from "@/components/alerts/destination-actions";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableCard, Td, Tr } from "@/components/ui/table";
import { ALERT_KIND_LABELS } from "@/lib/alerts/alert-kinds";
import { listDeliveries } from "@/lib/alerts/delivery-log";
import { listDestinations } from "@/lib/alerts/destination-store";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { getMonitor } from "@/lib/compliance/monitor-store";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ monitor?: string | string[] }> }) {
  const user = await requirePageUser("viewer");
  const editor = hasRole(user.role, "editor");
  const { monitor: monitorParam } = await searchParams;
  const monitorId = typeof monitorParam === "string" ? monitorParam.slice(0, 64) : undefined;
  // A monitor deleted since the link was made still shows its past alerts, under its id.
  const monitor = monitorId ? await getMonitor(monitorId).catch(() => ({ name: monitorId })) : null;
  const [destinations, deliveries] = await Promise.all([
    listDestinations(),
    listDeliveries({ limit: 50, ...(monitorId ? { source: { type: "monitor", id: monitorId } } : {}) }),
  ]);
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title="Alerts"
        description={
          <>
            Monitors raise alerts when pairs start failing or recover, when compliance drops below a threshold and when a snapshot fails. Each goes to
            every destination below as a signed webhook (Standard Webhooks: <code className="font-mono">webhook-id</code>,{" "}
            <code className="font-mono">webhook-timestamp</code>, <code className="font-mono">webhook-signature</code>), retried with backoff until
            the receiver answers 2xx.
          </>
        }
      />
      {destinations.length === 0 ? (
        <EmptyState title="No destinations yet">{editor ? "Add a webhook below; monitors' alerts go nowhere until you do." : "An editor can add webhooks here."}</EmptyState>
      ) : (
        <TableCard testId="destinations" columns={["Name", "URL", "Receives", "Last delivery", ""]}>
          {destinations.map((destination) => (
            <Tr key={destination.id} className="align-top" data-testid={`destination-row-${destination.name}`}>
              <Td>
                <Link href={`/settings/alerts/${destination.id}`} className="font-medium text-brand-600 underline">
                  {destination.name}
                </Link>
                <div className="mt-1 flex gap-1">
                  {destination.enabled ? <Badge tone="success">Active</Badge> : <Badge>Paused</Badge>}
                  {destination.format === "slack" && <Badge tone="brand">Slack</Badge>}
                </div>
              </Td>
              <Td className="font-mono text-xs break-all">{destination.url}</Td>
              <Td className="text-xs">{destination.kinds.length === 0 ? "Every kind" : destination.kinds.map((kind) => ALERT_KIND_LABELS[kind]).join(", ")}</Td>
              <Td className="text-xs text-zinc-500">
                {destination.lastDelivery ? `${destination.lastDelivery.status}${destination.lastDelivery.statusCode ? ` (${destination.lastDelivery.statusCode})` : ""}, ${destination.lastDelivery.at.slice(0, 16).replace("T", " ")}` : "Never"}
              </Td>
              <Td>{editor && <DestinationActions id={destination.id} name={destination.name} enabled={destination.enabled} version={destination.version} />}</Td>
            </Tr>
          ))}
        </TableCard>
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-medium">{monitor ? `Alerts of monitor “${monitor.name}”` : "Recent alerts"}</h2>
        {monitorId && (
          <Link href="/settings/alerts" className="text-sm text-brand-600 underline">
            Show every source
          </Link>
        )}
        <DeliveryLog deliveries={deliveries} showDestination empty={monitorId ? "This monitor has raised no alerts." : "Alerts appear here as monitors raise them; Send test alert tries a destination now."} />
      </section>
      {editor && (
        <Card className="space-y-4">
          <h2 className="text-lg font-medium">Add a webhook</h2>
          <CreateDestinationForm />
        </Card>
      )}
    </div>
  );
}
