import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TableCard, Td, Tr } from "@/components/ui/table";
import type { DeliveryView } from "@/lib/alerts/delivery-log";

const time = (iso: string) => iso.slice(0, 19).replace("T", " ");

function statusBadge(delivery: DeliveryView) {
  if (delivery.status === "delivered") return <Badge tone="success">Delivered</Badge>;
  if (delivery.status === "failed") return <Badge tone="danger">Failed</Badge>;
  return <Badge tone="neutral">{delivery.attempts > 0 ? "Retrying" : "Queued"}</Badge>;
}

/** Deliveries newest first, in a card of their own, each with its attempts (time, status code, duration, error excerpt). */
export function DeliveryLog({ deliveries, showDestination, empty }: { deliveries: DeliveryView[]; showDestination: boolean; empty: string }) {
  if (deliveries.length === 0) return <EmptyState title="No alerts yet">{empty}</EmptyState>;
  return (
    <TableCard testId="delivery-log" columns={["Raised", "Alert", showDestination ? "Destination" : "Source", "Status", "Attempts"]}>
      {deliveries.map((delivery) => (
        <Tr key={delivery.id} className="align-top" data-testid={`delivery-${delivery.id}`}>
          <Td className="whitespace-nowrap text-zinc-500">{time(delivery.createdAt)}</Td>
          <Td>
            <div className="font-medium">{delivery.title}</div>
            <code className="font-mono text-xs text-zinc-500">{delivery.kind}</code>
          </Td>
          <Td>
            {showDestination ? (
              <Link className="text-brand-600 underline" href={`/settings/alerts/${delivery.destination.id}`}>
                {delivery.destination.name}
              </Link>
            ) : (
              <span>
                {delivery.source.name} <span className="text-xs text-zinc-500">({delivery.source.type})</span>
              </span>
            )}
          </Td>
          <Td>{statusBadge(delivery)}</Td>
          <Td>
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
          </Td>
        </Tr>
      ))}
    </TableCard>
  );
}
