import type { Metadata } from "next";
import Link from "next/link";
import { DeliveryLog } from "@/components/alerts/delivery-log";
import { DestinationActions } from "@/components/alerts/destination-actions";
import { Card } from "@/components/ui/card";
import { ALERT_KIND_LABELS } from "@/lib/alerts/alert-kinds";
import { listDeliveries } from "@/lib/alerts/delivery-log";
import { getDestination } from "@/lib/alerts/destination-store";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { orNotFound } from "@/lib/errors/or-not-found";

export const metadata: Metadata = { title: "Alert destination" };

export default async function AlertDestinationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("viewer");
  const { id } = await params;
  const destination = await orNotFound(getDestination(id));
  const deliveries = await listDeliveries({ destinationId: id, limit: 100 });
  return (
    <div className="max-w-5xl space-y-6">
      <Link href="/settings/alerts" className="text-sm text-brand-600 underline">
        ← Alerts
      </Link>
      <Card className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="space-y-1">
            <h1 className="text-2xl font-semibold">{destination.name}</h1>
            <p className="font-mono text-xs break-all text-zinc-500">{destination.url}</p>
          </div>
          {hasRole(user.role, "editor") && <DestinationActions id={destination.id} name={destination.name} enabled={destination.enabled} version={destination.version} />}
        </div>
        <dl className="grid gap-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-zinc-500">Status</dt>
            <dd>{destination.enabled ? "Active" : "Paused"}</dd>
          </div>
          <div>
            <dt className="text-zinc-500">Format</dt>
            <dd>{destination.format === "slack" ? "Slack-compatible" : "JSON (Standard Webhooks)"}</dd>
          </div>
          <div>
            <dt className="text-zinc-500">Receives</dt>
            <dd>{destination.kinds.length === 0 ? "Every kind" : destination.kinds.map((kind) => ALERT_KIND_LABELS[kind]).join(", ")}</dd>
          </div>
          <div>
            <dt className="text-zinc-500">Secret rotated</dt>
            <dd>
              {destination.secretRotatedAt.slice(0, 16).replace("T", " ")}
              {destination.previousSecretUntil && ` (the previous one signs too until ${destination.previousSecretUntil.slice(0, 16).replace("T", " ")})`}
            </dd>
          </div>
        </dl>
      </Card>
      <section className="space-y-2">
        <h2 className="text-lg font-medium">Delivery log</h2>
        <DeliveryLog deliveries={deliveries} showDestination={false} empty="Nothing was sent here yet." />
      </section>
    </div>
  );
}
