"use client";
// The alert-rules part of the monitor form, kept apart so delivery settings can grow beside it.
import type { AlertRule } from "@/lib/compliance/alert-rules";
import { controlClass } from "@/components/ui/field";

const RULES = [
  { type: "complianceBelow", label: "Compliance falls below", unit: "%", field: "percent", min: 0, max: 100, step: 0.1, initial: 95 },
  { type: "newFailures", label: "New failing pairs, at least", unit: "pairs", field: "atLeast", min: 1, max: 1_000_000, step: 1, initial: 1 },
  { type: "recovered", label: "Failing pairs pass again, at least", unit: "pairs", field: "atLeast", min: 1, max: 1_000_000, step: 1, initial: 1 },
  { type: "snapshotFailed", label: "A snapshot fails or cannot read some policies" },
] as const;

export function AlertRulesFields({ value, onChange, error }: { value: AlertRule[]; onChange: (rules: AlertRule[]) => void; error?: string | undefined }) {
  const find = (type: AlertRule["type"]) => value.find((rule) => rule.type === type);
  const replace = (type: AlertRule["type"], rule: AlertRule | undefined) => onChange([...value.filter((r) => r.type !== type), ...(rule ? [rule] : [])]);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Alert rules</legend>
      <p className="text-xs text-zinc-500">
        Checked after every snapshot; a rate or failure rule alerts when the monitor enters the condition, not on every snapshot that stays in it.
        Matches are delivered to the alert destinations under Settings → Alerts.
      </p>
      {RULES.map((spec) => {
        const rule = find(spec.type);
        return (
          <div key={spec.type} className="flex flex-wrap items-center gap-2 text-sm">
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={rule !== undefined}
                onChange={(event) => {
                  if (!event.target.checked) return replace(spec.type, undefined);
                  if (spec.type === "complianceBelow") replace(spec.type, { type: spec.type, percent: spec.initial });
                  else if (spec.type === "newFailures" || spec.type === "recovered") replace(spec.type, { type: spec.type, atLeast: spec.initial });
                  else replace(spec.type, { type: spec.type });
                }}
              />
              {spec.label}
            </label>
            {"field" in spec && rule && (
              <>
                <input
                  type="number"
                  aria-label={`${spec.label} (${spec.unit})`}
                  className={`${controlClass} w-28`}
                  min={spec.min}
                  max={spec.max}
                  step={spec.step}
                  value={rule.type === "complianceBelow" ? rule.percent : rule.type === "newFailures" || rule.type === "recovered" ? rule.atLeast : ""}
                  onChange={(event) => {
                    const number = Number(event.target.value);
                    if (spec.type === "complianceBelow") replace(spec.type, { type: spec.type, percent: number });
                    else if (spec.type === "newFailures" || spec.type === "recovered") replace(spec.type, { type: spec.type, atLeast: number });
                  }}
                />
                <span className="text-zinc-500">{spec.unit}</span>
              </>
            )}
          </div>
        );
      })}
      {error && <p className="text-xs font-medium text-red-600 dark:text-red-400">{error}</p>}
    </fieldset>
  );
}
