// One HTTP call with everything a careful client needs: host guard, rate budget, per-attempt timeout,
// cancellation, no redirects, retries with backoff and Retry-After, and JumpCloud errors mapped to typed ones.
import { JumpCloudError, readErrorMessage, type JumpCloudErrorKind } from "./errors";
import { assertAllowedUrl, type Endpoints } from "./hosts";
import type { RateLimiter } from "../types";
import type { Redactor } from "./redact";
import { parseRetryAfter, RETRYABLE_STATUSES, retryDelay, type RetryOptions } from "./retry";
import { cancelledError, type Sleep } from "./sleep";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Adds the auth headers for one attempt (a signature or a fresh token may differ per attempt). */
export interface Authorizer {
  /** The credential type, so errors carry the advice for it. */
  authType: string;
  headers(method: string, path: string, stats: CallStats, signal?: AbortSignal): Record<string, string> | Promise<Record<string, string>>;
  /** Called on a 401; returns true when a new attempt with fresh credentials is worth it (expired token). */
  refresh?(): boolean;
  /** Explains a 401 in terms of this credential type. */
  unauthorized(sentHeaders: Record<string, string>): string;
}

export interface RequestEvent {
  method: string;
  path: string;
  attempt: number;
  status?: number;
  outcome: "ok" | "retry" | "error";
  durationMs: number;
}

export interface TransportOptions {
  fetch: FetchLike;
  endpoints: Endpoints;
  timeoutMs: number;
  retry: RetryOptions;
  limiter: RateLimiter;
  sleep: Sleep;
  random: () => number;
  now: () => number;
  redactor: Redactor;
  /** Names the app and its version on every request, so JumpCloud's logs can tell its traffic apart. */
  userAgent?: string;
  onRequest?: (event: RequestEvent) => void;
}

export interface Call {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  /** JSON value, or a ready string (form bodies). */
  body?: unknown;
  /** What a 404 means for this call. */
  notFound: JumpCloudErrorKind;
  /** Safe to repeat after an ambiguous failure (no response, or a gateway error). */
  idempotent: boolean;
  /** Statuses that, on a repeated attempt, mean an earlier attempt already did the work. */
  acceptOnRetry?: readonly number[];
  /** For non-idempotent calls: looks for the effect of an ambiguous attempt; a result ends the retries. */
  recover?: (signal: AbortSignal | undefined) => Promise<CallResult | undefined>;
}

export interface CallResult {
  status: number;
  body: unknown;
}

export interface CallStats {
  requests: number;
}

interface Failure {
  error: JumpCloudError;
  retryAfterMs?: number;
  /** The server may have acted on the request (no response, or a gateway/unavailable answer). */
  ambiguous: boolean;
}

export class Transport {
  constructor(readonly options: TransportOptions) {}

  async send(call: Call, authorizer: Authorizer, stats: CallStats, signal?: AbortSignal): Promise<CallResult> {
    const { retry, sleep, random } = this.options;
    assertAllowedUrl(this.options.endpoints, call.url);
    const body = call.body === undefined ? undefined : typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw cancelledError();
      const wait = this.options.limiter.take(signal);
      if (wait) await wait;
      const auth = await authorizer.headers(call.method, call.path, stats, signal);
      const headers = { ...(this.options.userAgent ? { "User-Agent": this.options.userAgent } : {}), ...call.headers, ...auth };
      stats.requests++;
      const started = this.options.now();
      const outcome = await this.attempt(call, headers, body, signal);
      const durationMs = this.options.now() - started;

      if ("result" in outcome) {
        this.options.onRequest?.({ method: call.method, path: call.path, attempt, status: outcome.result.status, outcome: "ok", durationMs });
        return outcome.result;
      }
      let failure: Failure;
      if ("response" in outcome) {
        const { status, text, retryAfter } = outcome.response;
        if (attempt > 1 && call.acceptOnRetry?.includes(status)) {
          this.options.onRequest?.({ method: call.method, path: call.path, attempt, status, outcome: "ok", durationMs });
          return { status, body: undefined };
        }
        if (status === 401 && !refreshed && authorizer.refresh?.()) {
          refreshed = true;
          attempt--;
          continue;
        }
        failure = this.classify(call, status, text, retryAfter, authorizer, headers);
      } else {
        failure = outcome.failure;
      }
      const final = !isRetryable(failure) || attempt >= retry.maxAttempts || failure.error.kind === "cancelled";
      this.options.onRequest?.({
        method: call.method,
        path: call.path,
        attempt,
        ...(failure.error.upstreamStatus === undefined ? {} : { status: failure.error.upstreamStatus }),
        outcome: final ? "error" : "retry",
        durationMs,
      });
      if (failure.ambiguous && !call.idempotent && failure.error.kind !== "cancelled") {
        // Never repeat a non-idempotent call blindly; even after the last attempt, look for its effect.
        if (!call.recover) throw failure.error;
        const recovered = await call.recover(signal);
        if (recovered) return recovered;
      }
      if (final) throw failure.error;
      await sleep(retryDelay(attempt, failure.retryAfterMs, retry, random), signal);
    }
  }

  private async attempt(
    call: Call,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<{ result: CallResult } | { response: { status: number; text: string; retryAfter?: number } } | { failure: Failure }> {
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = () => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    try {
      const response = await this.options.fetch(call.url, {
        method: call.method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal: controller.signal,
        redirect: "manual",
      });
      const text = await response.text();
      const { status } = response;
      if (status >= 200 && status < 300) return { result: { status, body: this.parseBody(call, status, text) } };
      if (status >= 300 && status < 400) return { failure: { error: this.redirectError(call, response.headers.get("location")), ambiguous: false } };
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"), Date.now());
      return { response: { status, text, ...(retryAfter === undefined ? {} : { retryAfter }) } };
    } catch (error) {
      if (error instanceof JumpCloudError) return { failure: { error, ambiguous: false } };
      if (signal?.aborted) return { failure: { error: cancelledError(), ambiguous: true } };
      const request = { method: call.method, path: call.path };
      if (timedOut) {
        return {
          failure: {
            error: new JumpCloudError({ kind: "timeout", message: `JumpCloud did not answer ${call.method} ${call.path} within ${this.options.timeoutMs} ms.`, request }),
            ambiguous: true,
          },
        };
      }
      return { failure: { error: this.networkError(call, error), ambiguous: true } };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  private parseBody(call: Call, status: number, text: string): unknown {
    if (status === 204 || text === "") return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new JumpCloudError({
        kind: "unexpectedResponse",
        message: `JumpCloud answered ${call.method} ${call.path} with HTTP ${status} but the body is not JSON.`,
        upstreamStatus: status,
        request: { method: call.method, path: call.path },
      });
    }
  }

  private redirectError(call: Call, location: string | null): JumpCloudError {
    let target = "another location";
    try {
      if (location) target = new URL(location, call.url).origin;
    } catch {
      // keep the generic wording
    }
    return new JumpCloudError({
      kind: "hostNotAllowed",
      message: `JumpCloud redirected ${call.method} ${call.path} to ${target}; redirects are not followed so no other host can be reached.`,
      request: { method: call.method, path: call.path },
    });
  }

  private networkError(call: Call, error: unknown): JumpCloudError {
    const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
    const code = typeof cause?.code === "string" ? cause.code : undefined;
    const host = this.options.endpoints.origin;
    return new JumpCloudError({
      kind: "unreachable",
      message: `Could not reach ${host}${code ? ` (${code})` : ""}: check the region or base URL and the network.`,
      request: { method: call.method, path: call.path },
      cause: this.options.redactor.scrub(error).cause,
    });
  }

  private classify(
    call: Call,
    status: number,
    text: string,
    retryAfterMs: number | undefined,
    authorizer: Authorizer,
    sentHeaders: Record<string, string>,
  ): Failure {
    const server = readErrorMessage(text, (message) => this.options.redactor.redact(message));
    const request = { method: call.method, path: call.path };
    const lower = server.toLowerCase();
    // A refused credential's body is read to tell its cause apart but never quoted: it is where a gateway echoes
    // the key or token it refused, and the message is stored where viewers can read it.
    const refused = status === 401 || status === 403;
    const said = server && !refused ? `: ${server}` : "";
    const make = (kind: JumpCloudErrorKind, message: string) => new JumpCloudError({ kind, message, upstreamStatus: status, request, authType: authorizer.authType });
    const mentionsOrg = lower.includes("organization") || lower.includes("x-org-id") || lower.includes("org id");

    if (RETRYABLE_STATUSES.has(status)) {
      const error =
        status === 429
          ? make("rateLimited", `JumpCloud rate limit reached (HTTP 429) on ${call.method} ${call.path}${said}.`)
          : make("unavailable", `JumpCloud is unavailable (HTTP ${status}) for ${call.method} ${call.path}${said}.`);
      // A 429 is refused before any work; a gateway error may hide a request that went through.
      return { error, ambiguous: status !== 429, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
    }
    let error: JumpCloudError;
    if (status === 401 && lower.includes("no organization selected")) {
      error = make("orgIdRequired", `This API key spans several organizations, so an organization ID is required (HTTP 401${said}). Set additionalFields.xOrgId or the credential's default org id.`);
    } else if (status === 401) {
      error = make("authenticationFailed", authorizer.unauthorized(sentHeaders));
    } else if ((status === 400 || status === 403 || status === 404) && mentionsOrg) {
      error = make("orgIdInvalid", `The organization ID was rejected (HTTP ${status}${said}). Check additionalFields.xOrgId or the credential's default org id.`);
    } else if (status === 403) {
      error = make("permissionDenied", `Permission denied (HTTP 403) for ${call.method} ${call.path}${said}. The credential's admin role or scopes do not allow this operation.`);
    } else if (status === 404) {
      error = make(call.notFound, `${notFoundTitle(call.notFound)} (HTTP 404) for ${call.method} ${call.path}${said}.`);
    } else if (status === 400 && lower.includes("filter")) {
      error = make("invalidFilter", `JumpCloud rejected the filter (HTTP 400${said}); use field:operator:value, e.g. state:eq:failed.`);
    } else if (status === 409) {
      error = make("conflict", `JumpCloud reported a conflict (HTTP 409) for ${call.method} ${call.path}${said}.`);
    } else if (status >= 400 && status < 500) {
      error = make("badRequest", `JumpCloud rejected ${call.method} ${call.path} (HTTP ${status})${said}.`);
    } else {
      error = make("unavailable", `JumpCloud failed (HTTP ${status}) on ${call.method} ${call.path}${said}.`);
    }
    return { error, ambiguous: status >= 500 };
  }
}

function isRetryable(failure: Failure): boolean {
  const { kind } = failure.error;
  if (kind === "timeout" || kind === "unreachable") return true;
  return failure.error.upstreamStatus !== undefined && RETRYABLE_STATUSES.has(failure.error.upstreamStatus);
}

function notFoundTitle(kind: JumpCloudErrorKind): string {
  switch (kind) {
    case "policyNotFound":
      return "Policy not found";
    case "systemNotFound":
      return "System not found";
    case "templateNotFound":
      return "Policy template not found";
    case "targetNotFound":
      return "Target not found";
    default:
      return "Not found";
  }
}
