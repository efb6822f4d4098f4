// How JumpCloud's policy statuses read as compliance: the fields of a PolicyResult that mean passing, failing or
// pending, and the calls a compliance snapshot makes (policy list, then each policy's statuses, all returnAll).
import type { ComplianceSupport, ObservedState, ObservedStatus, OperationCall, PolicyRef } from "../compliance-contract";
import { requireOperation } from "./operations/index";
import { orgParams } from "./org-params";

const DETAIL_MAX = 200;
// What a snapshot reads of each status: the spec's PolicyResult fields that decide the state and explain it.
const STATUS_FIELDS = ["id", "policyID", "systemID", "state", "success", "startedAt", "endedAt", "exitStatus", "detail", "stdErr"];

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function shorten(value: string): string {
  return value.length > DETAIL_MAX ? `${value.slice(0, DETAIL_MAX - 1)}…` : value;
}

/**
 * The spec documents `state` as "Success, failed, or pending" without fixing its casing, so it is read case-
 * insensitively; a record without a usable `state` falls back to `success` and whether the run has ended.
 */
export function stateOfResult(result: { state?: unknown; success?: unknown; endedAt?: unknown }): ObservedState {
  const state = typeof result.state === "string" ? result.state.trim().toLowerCase() : "";
  if (state === "success" || state === "succeeded" || state === "passed") return "passing";
  if (state === "failed" || state === "failure" || state === "error") return "failing";
  if (state === "pending" || state === "queued" || state === "running" || state === "in_progress") return "pending";
  if (state !== "") return "unknown";
  if (result.success === true) return "passing";
  if (result.success === false) return text(result.endedAt) ? "failing" : "pending";
  return "unknown";
}

export function readPolicyStatus(item: unknown): ObservedStatus | undefined {
  if (!item || typeof item !== "object") return undefined;
  const record = item as Record<string, unknown>;
  const systemId = text(record.systemID);
  if (!systemId) return undefined;
  const state = stateOfResult(record);
  const resultAt = text(record.endedAt) ?? text(record.startedAt);
  let detail: string | undefined;
  if (state === "failing") {
    const reason = text(record.detail) ?? text(record.stdErr);
    const exit = typeof record.exitStatus === "number" && record.exitStatus !== 0 ? `exit ${record.exitStatus}` : undefined;
    detail = [exit, reason].filter(Boolean).join(": ") || undefined;
  } else if (state === "pending") {
    detail = text(record.detail);
  }
  return { systemId, state, ...(detail ? { detail: shorten(detail) } : {}), ...(resultAt ? { resultAt } : {}) };
}

/** A v1 system record (`_id`, `hostname`, `displayName`) as the id and name a compliance pair shows. */
export function readSystemName(item: unknown): { id: string; hostname?: string } | undefined {
  if (!item || typeof item !== "object") return undefined;
  const record = item as Record<string, unknown>;
  const id = text(record._id) ?? text(record.id);
  if (!id) return undefined;
  const hostname = text(record.hostname) ?? text(record.displayName);
  return hostname ? { id, hostname } : { id };
}

export const jumpcloudCompliance: ComplianceSupport = {
  listPolicies: (orgId): OperationCall => ({ resource: "policy", operation: "list", params: { returnAll: true, ...orgParams(orgId) } }),
  readPolicy(item): PolicyRef | undefined {
    const { id, name } = (item ?? {}) as { id?: unknown; name?: unknown };
    return typeof id === "string" ? { id, name: typeof name === "string" ? name : id } : undefined;
  },
  listStatuses: (policyId, orgId): OperationCall => ({
    resource: "policyStatus",
    operation: "listForPolicy",
    params: { policyId, returnAll: true, options: { fields: STATUS_FIELDS }, ...orgParams(orgId) },
  }),
  readStatus: readPolicyStatus,
  policyGone: (kind) => kind === "policyNotFound",
  // Hostnames come from the v1 systems list (the hidden system lookup), only the two fields that name a system.
  listSystems: (orgId): OperationCall => ({
    resource: "system",
    operation: "list",
    params: { returnAll: true, v1Fields: ["hostname", "displayName"], ...orgParams(orgId) },
    description: requireOperation("system", "list"),
  }),
  readSystem: readSystemName,
};
