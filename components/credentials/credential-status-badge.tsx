import { Badge } from "@/components/ui/badge";

export function CredentialStatusBadge({
  ok,
  message,
  latencyMs,
  testedAt,
}: {
  ok: boolean | null;
  message: string | null;
  latencyMs: number | null;
  testedAt: Date | null;
}) {
  if (ok === null || !testedAt) {
    return (
      <span title="No Test Connection of the current values yet" data-testid="credential-status">
        <Badge>Not tested</Badge>
      </span>
    );
  }
  const when = testedAt.toISOString().replace("T", " ").slice(0, 16);
  const headline = ok ? `Connected · ${latencyMs} ms` : (message?.split(":")[0] ?? "Failed");
  return (
    <span title={`${message ?? ""} (tested ${when} UTC)`} data-testid="credential-status">
      <Badge tone={ok ? "success" : "danger"}>{headline}</Badge>
    </span>
  );
}
