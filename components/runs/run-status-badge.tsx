import { Badge } from "@/components/ui/badge";

export function RunStatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return <span className="text-xs text-zinc-400">never run</span>;
  return <Badge tone={status === "success" ? "success" : status === "error" ? "danger" : "neutral"}>{status}</Badge>;
}
