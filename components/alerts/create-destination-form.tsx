"use client";
import { useActionState } from "react";
import { createAlertDestination } from "@/app/actions/create-alert-destination";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ALERT_KIND_LABELS, ALERT_KINDS, type AlertFormat, type AlertKind } from "@/lib/alerts/alert-kinds";
import { OneTimeSecret } from "./one-time-secret";

type Result = Awaited<ReturnType<typeof createAlertDestination>>;

export function CreateDestinationForm() {
  const [result, submit, pending] = useActionState(
    async (_previous: Result | null, form: FormData): Promise<Result> =>
      createAlertDestination({
        name: String(form.get("name") ?? ""),
        url: String(form.get("url") ?? ""),
        format: String(form.get("format") ?? "json") as AlertFormat,
        kinds: form.getAll("kinds").map(String) as AlertKind[],
      }),
    null,
  );
  const error = result?.ok === false ? result.error : undefined;
  const created = result?.ok ? result.data : undefined;
  return (
    <form action={submit} className="space-y-4" key={created?.id}>
      {error && <Notice tone="error">{error.message}</Notice>}
      {created && <OneTimeSecret heading={`Destination “${created.name}” created.`} secret={created.secret} testId="new-destination-secret" />}
      <TextField label="Name" name="name" required placeholder="Ops on-call webhook" error={error?.fieldErrors?.name} />
      <TextField
        label="Webhook URL"
        name="url"
        type="url"
        required
        placeholder="https://hooks.example.com/jumpcloud-alerts"
        help="HTTPS only. Loopback and private addresses need their origin in ALERT_ALLOWED_ORIGINS."
        error={error?.fieldErrors?.url}
      />
      <SelectField label="Format" name="format" defaultValue="json" error={error?.fieldErrors?.format} help="Slack-compatible sends { text, blocks } for Slack or Mattermost incoming webhooks.">
        <option value="json">JSON (Standard Webhooks)</option>
        <option value="slack">Slack-compatible</option>
      </SelectField>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Alerts it receives</legend>
        <p className="text-xs text-zinc-500">Leave all unchecked to receive every kind.</p>
        {ALERT_KINDS.map((kind) => (
          <label key={kind} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="kinds" value={kind} className="mt-1" />
            <span>
              {ALERT_KIND_LABELS[kind]} <code className="font-mono text-xs text-zinc-500">{kind}</code>
            </span>
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create destination"}
      </Button>
    </form>
  );
}
