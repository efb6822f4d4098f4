import { Badge } from "@/components/ui/badge";

const TONE: Record<string, "neutral" | "success" | "danger" | "brand"> = {
  success: "success",
  partial: "danger",
  failed: "danger",
  running: "brand",
  queued: "brand",
  superseded: "neutral",
};

const LABEL: Record<string, string> = { partial: "partial: some policies unreadable" };

export function SnapshotStatusBadge({ status }: { status: string }) {
  return (
    <span data-testid="snapshot-status" data-status={status}>
      <Badge tone={TONE[status] ?? "neutral"}>{LABEL[status] ?? status}</Badge>
    </span>
  );
}
