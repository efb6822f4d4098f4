// The one error model: every error a user may see is an AppError with a stable kind, the HTTP status that kind
// means, a message that says what to change, and optional located details. Browser-safe (no imports).

/** A located problem, written like a template path (`policyData.name`, `options.filter[0]`). */
export interface Issue {
  path: string;
  message: string;
  severity: "error" | "warning";
  /** Stable for programs, on warnings a result carries: `unknownField`, `moreRecords`, `commaInFilter`, … */
  code?: string;
  /** A one-click fix: the value that replaces the one at `path` in the node's parameters. */
  fix?: { label: string; value: unknown };
}

/** Most issues one answer lists: input with thousands of faults gets the first ones and a count, not megabytes. */
export const MAX_LISTED_ISSUES = 100;

/** The first `max` issues and, past them, one issue saying how many more (and how many of those are errors). */
export function limitIssues(issues: Issue[], max: number = MAX_LISTED_ISSUES): Issue[] {
  if (issues.length <= max) return issues;
  const listed = issues.slice(0, max);
  let errors = 0;
  for (let index = max; index < issues.length; index += 1) if (issues[index]!.severity === "error") errors += 1;
  const more = issues.length - max;
  const first = issues[max]!;
  listed.push({
    path: first.path,
    severity: errors > 0 ? "error" : "warning",
    code: "moreIssues",
    message: `…and ${more} more issue${more === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}) not listed; fix the ones above first.`,
  });
  return listed;
}

/** The body of every refusal, from a route handler (`{ error: body }`) or a server action (`{ ok: false, error: body }`). */
export interface ErrorBody {
  /** Stable for programs: `invalid`, `notFound`, `policyNotFound`, `rateLimited`, … */
  kind: string;
  /** What went wrong and what to change; never a secret. */
  message: string;
  path?: string;
  issues?: Issue[];
  guidance?: string;
  fieldErrors?: Record<string, string>;
  /** The integration's own HTTP status, when it answered. */
  upstreamStatus?: number;
  runId?: string;
}

/**
 * Kinds the app itself raises and their HTTP status: the one table. An integration adds its own kinds with
 * their statuses in its definition (`errorKinds`), and IntegrationError reads them from there.
 */
export const APP_ERROR_STATUS = {
  invalid: 400,
  invalidJson: 400,
  invalidRequest: 400,
  invalidConfig: 400,
  credentialRequired: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  credentialNotFound: 404,
  conflict: 409,
  // A stored credential that cannot be opened is the row's state, not the request's fault.
  cannotDecrypt: 409,
  invalidCredential: 409,
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  internal: 500,
  databaseUnavailable: 503,
  // The caller went away before the request could be read (nginx's "client closed request"); nobody reads the answer.
  requestAborted: 499,
} as const satisfies Record<string, number>;
export type AppErrorKind = keyof typeof APP_ERROR_STATUS;

export type AppErrorDetails = Omit<ErrorBody, "kind" | "message"> & { cause?: unknown };

export class AppError<K extends string = string> extends Error {
  override name = "AppError";
  readonly kind: K;
  /** The HTTP status a route answers with. */
  readonly status: number;
  readonly path: string | undefined;
  readonly issues: Issue[] | undefined;
  readonly guidance: string | undefined;
  readonly fieldErrors: Record<string, string> | undefined;
  readonly upstreamStatus: number | undefined;
  readonly runId: string | undefined;

  constructor(kind: K & AppErrorKind, message: string, details?: AppErrorDetails);
  /** For kinds outside the app's table (an integration's): the status comes with the kind. */
  constructor(kind: K, message: string, details: AppErrorDetails & { status: number });
  constructor(kind: K, message: string, details: AppErrorDetails & { status?: number } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.status = details.status ?? APP_ERROR_STATUS[kind as AppErrorKind] ?? 500;
    this.path = details.path;
    this.issues = details.issues === undefined ? undefined : limitIssues(details.issues);
    this.guidance = details.guidance;
    this.fieldErrors = details.fieldErrors;
    this.upstreamStatus = details.upstreamStatus;
    this.runId = details.runId;
  }

  /** A copy that names the run it was recorded in. */
  withRunId(runId: string): this {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this;
    Object.assign(copy, this, { runId });
    Object.defineProperty(copy, "message", { value: this.message, enumerable: false, writable: true, configurable: true });
    Object.defineProperty(copy, "stack", { value: this.stack, enumerable: false, writable: true, configurable: true });
    return copy;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { kind: this.kind, message: this.message };
    if (this.path !== undefined && this.path !== "") body.path = this.path;
    if (this.issues !== undefined) body.issues = this.issues;
    if (this.guidance !== undefined) body.guidance = this.guidance;
    if (this.fieldErrors !== undefined) body.fieldErrors = this.fieldErrors;
    if (this.upstreamStatus !== undefined) body.upstreamStatus = this.upstreamStatus;
    if (this.runId !== undefined) body.runId = this.runId;
    return body;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
