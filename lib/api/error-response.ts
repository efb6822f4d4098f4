import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { GuardError, type GuardErrorKind } from "@/lib/auth/guard";
import { CredentialError, type CredentialErrorKind } from "@/lib/credentials/credential-errors";
import { isJumpCloudError } from "@/lib/integrations/jumpcloud/errors";
import type { NodeIssue } from "@/lib/nodes/json-value";
import { NodeConfigError, type NodeConfigErrorKind } from "@/lib/node-configs/node-config-errors";
import { toNodeIssues } from "@/lib/nodes/node-config";
import { NodeRunError, type NodeRunErrorKind } from "@/lib/runs/run-errors";
import { ApiError, type ApiErrorKind } from "./api-error";

/** The one error body of the API: `kind` is stable for programs, `message` says what to change. */
export interface ApiErrorBody {
  error: {
    kind: string;
    message: string;
    path?: string;
    issues?: NodeIssue[];
    guidance?: string;
    fieldErrors?: Record<string, string>;
    /** JumpCloud's own HTTP status, when JumpCloud answered. */
    upstreamStatus?: number;
    runId?: string;
  };
}

const API_STATUS: Record<ApiErrorKind, number> = { payloadTooLarge: 413, unsupportedMediaType: 415, invalidJson: 400, invalidRequest: 400, notFound: 404 };
const GUARD_STATUS: Record<GuardErrorKind, number> = { unauthenticated: 401, forbidden: 403, invalid: 400, notFound: 404, conflict: 409 };
// A credential that cannot be opened is the stored row's state, not the request's fault: 409.
const NODE_CONFIG_STATUS: Record<NodeConfigErrorKind, number> = { notFound: 404, conflict: 409, invalid: 400 };
const CREDENTIAL_STATUS: Record<CredentialErrorKind, number> = { notFound: 404, conflict: 409, invalid: 400, cannotDecrypt: 409, forbidden: 403 };

/**
 * Node run failures: the caller's config (400), a missing object (404), JumpCloud refusing the request
 * (422: the API token was fine, the stored credential or the parameters were not), JumpCloud's rate limit
 * (429) and JumpCloud being down or slow (502/504). Keyed by every kind so a new kind cannot go unmapped.
 */
export const RUN_ERROR_STATUS: Record<NodeRunErrorKind, number> = {
  invalidConfig: 400,
  invalidParameters: 400,
  invalidFilter: 400,
  credentialRequired: 400,
  credentialNotFound: 404,
  policyNotFound: 404,
  systemNotFound: 404,
  templateNotFound: 404,
  notFound: 404,
  conflict: 409,
  cannotDecrypt: 409,
  invalidCredential: 409,
  authenticationFailed: 422,
  permissionDenied: 422,
  orgIdRequired: 422,
  orgIdInvalid: 422,
  badRequest: 422,
  unsupportedAuthType: 422,
  hostNotAllowed: 422,
  rateLimited: 429,
  unavailable: 502,
  unreachable: 502,
  unexpectedResponse: 502,
  cancelled: 503,
  timeout: 504,
};

const DATABASE_DOWN_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * Postgres restarting or dropping connections (SQLSTATE classes 08 and 57P): the pool reconnects on the next
 * query, so the caller should simply retry.
 */
function isDatabaseUnavailable(error: Error): boolean {
  if (error.name === "PrismaClientInitializationError") return true;
  if (error.name !== "DriverAdapterError") return false;
  const cause = (error as { cause?: { kind?: string; code?: string; originalCode?: string } }).cause;
  const code = cause?.originalCode ?? cause?.code;
  return DATABASE_DOWN_KINDS.has(cause?.kind ?? "") || (typeof code === "string" && /^(08|57P)/.test(code)) || /connection terminated|terminating connection/i.test(error.message);
}

function errorOf(status: number, error: ApiErrorBody["error"]): { status: number; body: ApiErrorBody } {
  return { status, body: { error: Object.fromEntries(Object.entries(error).filter(([, v]) => v !== undefined)) as ApiErrorBody["error"] } };
}

/** Maps every typed error to its status and body; anything else is a 500 whose details stay in the server. */
export function describeError(error: unknown): { status: number; body: ApiErrorBody } {
  if (error instanceof ApiError) return errorOf(API_STATUS[error.kind], { kind: error.kind, message: error.message, path: error.path });
  if (error instanceof GuardError) {
    const path = error.fieldErrors ? Object.keys(error.fieldErrors)[0] : undefined;
    return errorOf(GUARD_STATUS[error.kind], { kind: error.kind, message: error.message, path, fieldErrors: error.fieldErrors });
  }
  if (error instanceof CredentialError) {
    return errorOf(CREDENTIAL_STATUS[error.kind], { kind: error.kind, message: error.message, fieldErrors: error.fieldErrors });
  }
  if (error instanceof NodeConfigError) {
    return errorOf(NODE_CONFIG_STATUS[error.kind], { kind: error.kind, message: error.message, fieldErrors: error.fieldErrors });
  }
  if (error instanceof NodeRunError) {
    const { issues, guidance, status, path, runId } = error.details;
    return errorOf(RUN_ERROR_STATUS[error.kind], { kind: error.kind, message: error.message, path, issues, guidance, upstreamStatus: status, runId });
  }
  if (isJumpCloudError(error)) {
    return errorOf(RUN_ERROR_STATUS[error.kind], { kind: error.kind, message: error.message, path: error.parameterPath, guidance: error.guidance, upstreamStatus: error.status });
  }
  if (error instanceof z.ZodError) {
    const issues = toNodeIssues(error);
    const first = issues[0];
    return errorOf(400, { kind: "invalid", message: first ? (first.path ? `${first.path}: ${first.message}` : first.message) : "Invalid request.", path: first?.path || undefined, issues });
  }
  if (error instanceof Error && isDatabaseUnavailable(error)) {
    console.error("[api] database unavailable");
    return errorOf(503, { kind: "databaseUnavailable", message: "The database is unavailable right now. Try again in a few seconds." });
  }
  // Unknown errors may carry internals (SQL, hosts); log the name only.
  console.error(`[api] unexpected ${error instanceof Error ? error.name : typeof error}`);
  return errorOf(500, { kind: "internal", message: "Something went wrong on the server. Try again; if it persists, check the server log." });
}

export function errorResponse(error: unknown): NextResponse<ApiErrorBody> {
  const { status, body } = describeError(error);
  const headers: Record<string, string> = status === 401 ? { "WWW-Authenticate": 'Bearer realm="api"' } : status === 503 ? { "Retry-After": "5" } : {};
  return NextResponse.json(body, { status, headers });
}
