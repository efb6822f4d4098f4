import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Th } from "@/components/ui/table";
import type { DeliveryView } from "@/lib/alerts/delivery-log";

const time = (iso: string) => iso.slice(0, 19).replace("T", " ");

function statusBadge(delivery: DeliveryView) {
  if (delivery.status === "delivered") return <Badge tone="success">Delivered</Badge>;
  if (delivery.status === "failed") return <Badge tone="danger">Failed</Badge>;
  return <Badge tone="neutral">{delivery.attempts > 0 ? "Retrying" : "Queued"}</Badge>;
}

/** Deliveries newest first, each with its attempts (time, status code, duration, error excerpt). */
export function DeliveryLog({ deliveries, showDestination, empty }: { deliveries: DeliveryView[]; showDestination: boolean; empty: string }) {
  if (deliveries.length === 0) return <EmptyState title="No alerts yet">{empty}</EmptyState>;
  return (
    <Table
      testId="delivery-log"
      head={
        <>
          <Th>Raised</Th>
          <Th>Alert</Th>
          <Th>{showDestination ? "Destination" : "Source"}</Th>
          <Th>Status</Th>
          <Th>Attempts</Th>
        </>
      }
    >
      <tbody>
        {deliveries.map((delivery) => (
          <tr key={delivery.id} className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800" data-testid={`delivery-${delivery.id}`}>
            <td className="px-4 py-2 whitespace-nowrap text-zinc-500">{time(delivery.createdAt)}</td>
            <td className="px-4 py-2">
              <div className="font-medium">{delivery.title}</div>
              <code className="font-mono text-xs text-zinc-500">{delivery.kind}</code>
            </td>
            <td className="px-4 py-2">
              {showDestination ? (
                <Link className="text-brand-600 underline" href={`/settings/alerts/${delivery.destination.id}`}>
                  {delivery.destination.name}
                </Link>
              ) : (
                <span>
                  {delivery.source.name} <span className="text-xs text-zinc-500">({delivery.source.type})</span>
                </span>
              )}
            </td>
            <td className="px-4 py-2">{statusBadge(delivery)}</td>
            <td className="px-4 py-2">
              {delivery.attemptLog.length === 0 ? (
                <span className="text-zinc-500">None yet</span>
              ) : (
                <details>
                  <summary className="cursor-pointer">
                    {delivery.attempts} attempt{delivery.attempts === 1 ? "" : "s"}, last {delivery.lastStatusCode ?? "no answer"}
                  </summary>
                  <ol className="mt-1 space-y-1 text-xs" data-testid="attempts">
                    {delivery.attemptLog.map((attempt, index) => (
                      <li key={index}>
                        <span className="text-zinc-500">{time(attempt.at)}</span> · <span className="font-mono">{attempt.statusCode ?? "—"}</span> · {attempt.durationMs} ms
                        {attempt.error && <div className="text-red-700 dark:text-red-400 break-all">{attempt.error}</div>}
                      </li>
                    ))}
                  </ol>
                </details>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
