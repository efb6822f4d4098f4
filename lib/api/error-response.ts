import "server-only";
import { NextResponse } from "next/server";
import type { ErrorBody } from "@/lib/errors/app-error";
import { describeError } from "@/lib/errors/describe-error";

/** The one error body of the API: `kind` is stable for programs, `message` says what to change. */
export interface ApiErrorBody {
  error: ErrorBody;
}

export function errorResponse(error: unknown): NextResponse<ApiErrorBody> {
  const { status, body } = describeError(error);
  const headers: Record<string, string> = status === 401 ? { "WWW-Authenticate": 'Bearer realm="api"' } : status === 503 ? { "Retry-After": "5" } : {};
  return NextResponse.json({ error: body }, { status, headers });
}
