"use client";
// Creates or edits a monitor: credential and org, scope (all, chosen policies, name filter), schedule (presets or
// cron, in a time zone), alert rules and enabled. Server refusals land beside the field they name.
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { createMonitor } from "@/app/actions/create-monitor";
import { updateMonitor } from "@/app/actions/update-monitor";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField, controlClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { AlertRule } from "@/lib/compliance/alert-rules";
import { AlertRulesFields } from "./alert-rules-fields";
import { PolicyPicker, type ChosenPolicy } from "./policy-picker";

type ScheduleKind = "every15min" | "hourly" | "daily" | "cron";
type ScopeKind = "all" | "policies" | "nameFilter";

export interface MonitorFormValues {
  id?: string;
  version?: number;
  name: string;
  credentialId: string;
  orgId: string;
  scopeKind: ScopeKind;
  policies: ChosenPolicy[];
  pattern: string;
  scheduleKind: ScheduleKind;
  time: string;
  cron: string;
  timezone: string;
  alertRules: AlertRule[];
  enabled: boolean;
}

export const EMPTY_MONITOR: MonitorFormValues = {
  name: "",
  credentialId: "",
  orgId: "",
  scopeKind: "all",
  policies: [],
  pattern: "",
  scheduleKind: "hourly",
  time: "06:00",
  cron: "0 */4 * * *",
  timezone: "UTC",
  alertRules: [],
  enabled: true,
};

function toInput(values: MonitorFormValues) {
  const { timezone } = values;
  const schedule =
    values.scheduleKind === "daily"
      ? { kind: "daily" as const, time: values.time, timezone }
      : values.scheduleKind === "cron"
        ? { kind: "cron" as const, cron: values.cron, timezone }
        : { kind: values.scheduleKind, timezone };
  const scope =
    values.scopeKind === "policies"
      ? { kind: "policies" as const, policyIds: values.policies.map((p) => p.id) }
      : values.scopeKind === "nameFilter"
        ? { kind: "nameFilter" as const, pattern: values.pattern }
        : { kind: "all" as const };
  return { name: values.name, credentialId: values.credentialId, orgId: values.orgId.trim() || null, scope, schedule, alertRules: values.alertRules, enabled: values.enabled };
}

export function MonitorForm({ initial, credentials }: { initial: MonitorFormValues; credentials: Array<{ id: string; name: string; usable: boolean }> }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"]), []);
  const set = <K extends keyof MonitorFormValues>(key: K, value: MonitorFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  /** A field's value, the server's refusal of it (under `errorPath` where the input nests it) and its change handler. */
  const bound = (key: "name" | "credentialId" | "orgId" | "pattern" | "time" | "cron", errorPath: string = key) => ({
    value: values[key],
    error: errors[errorPath],
    onChange: (event: { target: { value: string } }) => set(key, event.target.value),
  });
  const editing = initial.id !== undefined;
  const formRef = useRef<HTMLFormElement>(null);
  // Tests (and impatient users) act only once the form can handle a submit.
  useEffect(() => formRef.current?.setAttribute("data-hydrated", ""), []);

  const submit = () =>
    startTransition(async () => {
      setMessage(undefined);
      const input = toInput(values);
      const result = editing ? await updateMonitor({ id: initial.id!, patch: { ...input, version: initial.version } }) : await createMonitor(input);
      if (result.ok) {
        router.push(`/monitors/${result.data.id}`);
        router.refresh();
        return;
      }
      const fields = Object.fromEntries(Object.entries(result.error.fieldErrors ?? {}).map(([key, text]) => [key.replace(/^patch\./, ""), text]));
      setErrors(fields);
      setMessage(result.error.message);
    });

  return (
    <form
      ref={formRef}
      className="max-w-3xl space-y-4"
      aria-label={editing ? "Edit monitor" : "New monitor"}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {message && <Notice tone="error" testId="monitor-form-error">{message}</Notice>}
      <Card className="space-y-4">
        <TextField label="Name" required {...bound("name")} placeholder="Windows fleet" />
        <SelectField label="Credential" required {...bound("credentialId")}>
          <option value="">Choose a credential…</option>
          {credentials.map((credential) => (
            <option key={credential.id} value={credential.id} disabled={!credential.usable}>
              {credential.name}
              {credential.usable ? "" : " (cannot read policy statuses)"}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Organization ID (optional)"
          {...bound("orgId")}
          placeholder="Empty: the credential's default organization"
          help="For multi-tenant admins: the organization whose policies this monitor watches."
        />
      </Card>

      <Card className="space-y-3">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Policies</legend>
          {(
            [
              ["all", "All policies"],
              ["policies", "Chosen policies"],
              ["nameFilter", "Policies whose name matches"],
            ] as const
          ).map(([kind, label]) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input type="radio" name="scope" checked={values.scopeKind === kind} onChange={() => set("scopeKind", kind)} />
              {label}
            </label>
          ))}
        </fieldset>
        {values.scopeKind === "policies" && <PolicyPicker credentialId={values.credentialId} orgId={values.orgId.trim()} value={values.policies} onChange={(next) => set("policies", next)} />}
        {values.scopeKind === "nameFilter" && (
          <TextField
            label="Name filter"
            {...bound("pattern", "scope.pattern")}
            placeholder="Windows*"
            help="Case-insensitive; * matches any text, and without * the name only has to contain the filter."
          />
        )}
        {(errors["scope.policyIds"] || errors.scope) && <p className="text-xs font-medium text-red-600">{errors["scope.policyIds"] ?? errors.scope}</p>}
      </Card>

      <Card className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Schedule" value={values.scheduleKind} onChange={(e) => set("scheduleKind", e.target.value as ScheduleKind)}>
          <option value="every15min">Every 15 minutes</option>
          <option value="hourly">Hourly</option>
          <option value="daily">Daily at…</option>
          <option value="cron">Cron expression</option>
        </SelectField>
        <div className="space-y-1">
          <label htmlFor="monitor-timezone" className="block text-sm font-medium">
            Time zone
          </label>
          <input id="monitor-timezone" list="monitor-timezones" className={controlClass} value={values.timezone} onChange={(e) => set("timezone", e.target.value)} aria-invalid={Boolean(errors["schedule.timezone"])} />
          <datalist id="monitor-timezones">
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          {errors["schedule.timezone"] && <p className="text-xs font-medium text-red-600">{errors["schedule.timezone"]}</p>}
        </div>
        {values.scheduleKind === "daily" && <TextField label="Time (HH:MM, 24-hour)" type="time" {...bound("time", "schedule.time")} />}
        {values.scheduleKind === "cron" && (
          <TextField
            label="Cron (minute hour day-of-month month day-of-week)"
            {...bound("cron", "schedule.cron")}
            className="font-mono"
            help="Five fields; runs at most once a minute."
          />
        )}
      </Card>

      <Card className="space-y-3">
        <AlertRulesFields value={values.alertRules} onChange={(rules) => set("alertRules", rules)} error={errors.alertRules} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={values.enabled} onChange={(e) => set("enabled", e.target.checked)} />
          Enabled (a paused monitor keeps its history and runs only with Run now)
        </label>
      </Card>

      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : editing ? "Save monitor" : "Create monitor"}
        </Button>
        <Button variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
