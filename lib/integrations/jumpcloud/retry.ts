export interface RetryOptions {
  /** Total attempts per request, including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Upper bound on how long a Retry-After header can make us wait. */
  maxRetryAfterMs: number;
}

export const defaultRetryOptions: RetryOptions = { maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 };

/** Statuses that mean "try again later": rate limited or a gateway/service hiccup. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Exponential backoff with "equal jitter"; a Retry-After wins when longer, capped so a server cannot stall us. */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, options: RetryOptions, random: () => number): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const backoff = exponential / 2 + random() * (exponential / 2);
  if (retryAfterMs === undefined) return backoff;
  return Math.max(Math.min(retryAfterMs, options.maxRetryAfterMs), backoff / 4);
}
