// Browser-safe: the kinds of alert, for the destination form's filter and the API's schemas.
export const ALERT_KINDS = [
  "compliance.newFailures",
  "compliance.recovered",
  "compliance.rateBelow",
  "compliance.monitorFailed",
  "drift.detected",
  "test",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  "compliance.newFailures": "Pairs started failing",
  "compliance.recovered": "Failing pairs recovered",
  "compliance.rateBelow": "Compliance fell below a threshold",
  "compliance.monitorFailed": "A monitor's snapshot failed",
  "drift.detected": "Drift from a baseline",
  test: "Test alerts",
};

export const ALERT_FORMATS = ["json", "slack"] as const;
export type AlertFormat = (typeof ALERT_FORMATS)[number];
