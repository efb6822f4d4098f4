// The JumpCloud client: runs validated registry operations, and tests a credential on the same path.
import type { IntegrationClient, OperationDescription, RateLimiter, RequestPlan, RunResult, TestConnectionResult, ValidParameters } from "../types";
import { createAuthorizer, defaultOrgId, maskedAuthHeaders, secretsOf, type JumpCloudAuth } from "./auth";
import { JumpCloudError } from "./errors";
import { regions, resolveEndpoints, type ConnectionSettings, type Endpoints } from "./hosts";
import type { Params } from "./operations/define";
import { assertAuthSupported, requireOperation } from "./operations/index";
import { Pool } from "./paginate";
import { planCall } from "./plan";
import { TokenBucket, type RateBudget } from "./rate-limit";
import { Redactor } from "./redact";
import { baseHeaders, callInput } from "./request-builder";
import { defaultRetryOptions, type RetryOptions } from "./retry";
import { runOperation, type RunContext } from "./run-context";
import { cancelledError, sleep as defaultSleep, type Sleep } from "./sleep";
import { Transport, type Authorizer, type FetchLike, type RequestEvent } from "./transport";

export interface JumpCloudClientOptions {
  auth: JumpCloudAuth;
  /** Region (default US) or an allow-listed custom origin. */
  connection?: ConnectionSettings;
  /** Custom origins the caller permits (e.g. the simulator in development). */
  allowedOrigins?: readonly string[];
  fetch?: FetchLike;
  /** Per attempt, including reading the body. Default 30 s. */
  timeoutMs?: number;
  /** Requests in flight at once within one run. Default 8. */
  concurrency?: number;
  /** Request-rate budget (token bucket), or a limiter shared between clients. Default 50/s, burst 10. */
  rateLimit?: RateBudget | RateLimiter;
  retry?: Partial<RetryOptions>;
  /** Injection points for tests. */
  sleep?: Sleep;
  random?: () => number;
  wallClock?: () => number;
  /** Sent as User-Agent on every request, the System Context test and token requests included. */
  userAgent?: string;
  /** Called after every HTTP attempt with method, path (no host, no headers), status and timing. */
  onRequest?: (event: RequestEvent) => void;
}

export type JumpCloudClient = IntegrationClient;

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_RATE_BUDGET: RateBudget = { requestsPerSecond: 50, burst: 10 };

export function createJumpCloudClient(options: JumpCloudClientOptions): JumpCloudClient {
  const redactor = new Redactor(secretsOf(options.auth));
  const now = () => performance.now();
  const sleep = options.sleep ?? defaultSleep;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const limiter: RateLimiter =
    options.rateLimit && "take" in options.rateLimit ? options.rateLimit : new TokenBucket(options.rateLimit ?? DEFAULT_RATE_BUDGET, now, sleep);

  // A refused host is reported by run/testConnection (before any request), not thrown at construction.
  let endpoints: Endpoints | undefined;
  let setupError: JumpCloudError | undefined;
  try {
    endpoints = resolveEndpoints(options.connection, options.allowedOrigins);
  } catch (error) {
    setupError = redactor.scrub(error);
  }

  let transport: Transport | undefined;
  let authorizer: Authorizer | undefined;
  const ready = (): { transport: Transport; authorizer: Authorizer; endpoints: Endpoints } => {
    if (!transport || !authorizer || !endpoints) throw setupError ?? new JumpCloudError({ kind: "hostNotAllowed", message: "No JumpCloud host is configured." });
    return { transport, authorizer, endpoints };
  };
  if (endpoints) {
    transport = new Transport({
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      endpoints,
      timeoutMs: options.timeoutMs ?? 30_000,
      retry: { ...defaultRetryOptions, ...options.retry },
      limiter,
      sleep,
      random: options.random ?? Math.random,
      now,
      redactor,
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    });
    authorizer = createAuthorizer(options.auth, { transport, tokenUrl: endpoints.tokenUrl, redactor, wallClock: options.wallClock ?? Date.now });
  }

  async function execute(resource: string, name: string, params: Params, runOptions: { signal?: AbortSignal } = {}): Promise<RunResult> {
    const started = now();
    const stats = { requests: 0, pages: 0 };
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    runOptions.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      if (runOptions.signal?.aborted) throw cancelledError();
      const op = requireOperation(resource, name);
      assertAuthSupported(op, options.auth.type);
      const { transport, authorizer, endpoints } = ready();
      const ctx: RunContext = {
        transport,
        authorizer,
        origin: endpoints.origin,
        headers: baseHeaders(defaultOrgId(options.auth)),
        pool: new Pool(concurrency),
        stats,
        warnings: [],
        signal: controller.signal,
        operation: requireOperation,
      };
      const items = await runOperation(ctx, op, params, callInput(op, params));
      return { items, meta: { requests: stats.requests, pages: stats.pages, durationMs: Math.round(now() - started), warnings: ctx.warnings } };
    } catch (error) {
      throw redactor.scrub(runOptions.signal?.aborted ? cancelledError() : error);
    } finally {
      runOptions.signal?.removeEventListener("abort", onAbort);
      controller.abort(); // stops any request still in flight after a failure
    }
  }

  const run = (op: OperationDescription, params: ValidParameters, runOptions: { signal?: AbortSignal } = {}) => execute(op.resource, op.operation, params, runOptions);

  function plan(op: OperationDescription, params: ValidParameters): RequestPlan {
    const operation = requireOperation(op.resource, op.operation);
    assertAuthSupported(operation, options.auth.type);
    const { endpoints } = ready();
    const descriptor = options.auth.type === "systemContext" ? { type: "systemContext", systemId: options.auth.systemId } : { type: options.auth.type };
    return planCall(operation, params, endpoints.origin, { ...baseHeaders(defaultOrgId(options.auth)), ...maskedAuthHeaders(descriptor) });
  }

  async function testConnection(testOptions: { signal?: AbortSignal } = {}): Promise<TestConnectionResult> {
    const started = now();
    const where = options.connection?.baseUrl ?? regions.find((r) => r.id === (options.connection?.region ?? "us"))?.label ?? "JumpCloud";
    try {
      if (options.auth.type === "systemContext") {
        const { transport, authorizer, endpoints } = ready();
        const systemId = encodeURIComponent(options.auth.systemId);
        const path = `/api/systems/${systemId}`;
        await transport.send(
          { method: "GET", url: endpoints.origin + path, path, headers: { Accept: "application/json" }, notFound: "systemNotFound", idempotent: true },
          authorizer,
          { requests: 0 },
          testOptions.signal,
        );
      } else {
        // The same path as a run: an API key or service account that can list one policy can run the operations.
        await execute("policy", "list", { options: { limit: 1 } }, testOptions);
      }
      const latencyMs = Math.round(now() - started);
      return { ok: true, latencyMs, message: `Connected to ${where} in ${latencyMs} ms.` };
    } catch (error) {
      const clean = redactor.scrub(testOptions.signal?.aborted ? cancelledError() : error);
      return { ok: false, latencyMs: Math.round(now() - started), error: clean };
    }
  }

  return { run, plan, testConnection };
}
