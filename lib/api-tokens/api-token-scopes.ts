// Browser-safe: the token form lists these.
export const API_SCOPES = ["nodes:run", "nodes:read", "credentials:read", "monitors:read", "monitors:write", "compliance:read", "plans:read", "plans:apply", "alerts:read", "alerts:write", "baselines:read", "baselines:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  "nodes:run": "Run and preview nodes (POST /api/v1/nodes/execute, /nodes/preview)",
  "nodes:read": "Read saved nodes and preview them (GET /api/v1/nodes)",
  "credentials:read": "List credentials and test them (names and status only; never secrets)",
  "monitors:read": "Read compliance monitors and their snapshots (GET /api/v1/monitors)",
  "monitors:write": "Create, change, delete and run compliance monitors",
  "compliance:read": "Read compliance: summary, pairs by state, CSV export, trend (GET /api/v1/compliance)",
  "baselines:read": "Read baselines, their versions and their drift (GET /api/v1/baselines)",
  "baselines:write": "Capture, edit and delete baselines; run drift checks; accept or revert drift",
  "plans:read": "Plan a policy's associations against a desired list (POST /api/v1/associations/plan); reads JumpCloud, changes nothing",
  "plans:apply": "Plan and apply a policy's associations (POST /api/v1/associations/apply)",
  "alerts:read": "Read alert destinations and their delivery logs (never a signing secret)",
  "alerts:write": "Create, change, delete alert destinations, rotate their secrets and send test alerts",
};

/** Expiry choices offered in Settings; `null` never expires. */
export const API_TOKEN_EXPIRY_DAYS = [7, 30, 90, 365] as const;
