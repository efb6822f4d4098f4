// Every thrown value, as the status and body a caller sees. Shared by route handlers and server actions, so a
// refusal reads the same wherever it is met. Unknown errors keep their details in the server log (name only).
import { z } from "zod";
import { AppError, type ErrorBody } from "./app-error";
import { issuesFromZod, summarizeIssues } from "./zod-issues";

const DATABASE_DOWN_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * Postgres restarting or dropping connections (SQLSTATE classes 08 and 57P): the pool reconnects on the next
 * query, so the caller should simply retry.
 */
function isDatabaseUnavailable(error: Error): boolean {
  if (error.name === "PrismaClientInitializationError") return true;
  // `pg`, on the hot paths: a server error with its SQLSTATE, or a socket that broke or could not connect.
  const pgCode = (error as { code?: unknown }).code;
  if (typeof pgCode === "string" && /^(08|57P)|^ECONN(REFUSED|RESET)$/.test(pgCode)) return true;
  if (/^Connection terminated/.test(error.message)) return true;
  if (error.name !== "DriverAdapterError") return false;
  const cause = (error as { cause?: { kind?: string; code?: string; originalCode?: string } }).cause;
  const code = cause?.originalCode ?? cause?.code;
  return DATABASE_DOWN_KINDS.has(cause?.kind ?? "") || (typeof code === "string" && /^(08|57P)/.test(code)) || /connection terminated|terminating connection/i.test(error.message);
}

export function toAppError(error: unknown, where: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) {
    const issues = issuesFromZod(error);
    return new AppError("invalid", summarizeIssues(issues, "Invalid request."), { issues, ...(issues[0]?.path ? { path: issues[0].path } : {}) });
  }
  if (error instanceof Error && isDatabaseUnavailable(error)) {
    console.error(`[${where}] database unavailable`);
    return new AppError("databaseUnavailable", "The database is unavailable right now. Try again in a few seconds.");
  }
  // Unknown errors may carry internals (SQL, hosts); log the name only.
  console.error(`[${where}] unexpected ${error instanceof Error ? error.name : typeof error}`);
  return new AppError("internal", "Something went wrong on the server. Try again; if it persists, check the server log.");
}

export function describeError(error: unknown, where = "api"): { status: number; body: ErrorBody } {
  const appError = toAppError(error, where);
  return { status: appError.status, body: appError.toBody() };
}
