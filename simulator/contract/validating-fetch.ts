import type { OpenApiValidator } from "./openapi-validator";

export interface CheckedExchange {
  method: string;
  url: string;
  operationId: string | null;
  status: number | null;
  requestErrors: string[];
  responseErrors: string[];
}

export interface ValidatingFetch {
  /** Drop-in fetch that validates every JumpCloud API request it sends and every response it gets. */
  fetch: typeof fetch;
  /** Every /api/… exchange seen, in order. */
  exchanges: CheckedExchange[];
  /** Exchanges with request or response errors. */
  violations(): CheckedExchange[];
}

/**
 * Wraps fetch for contract tests of a client: paths outside /api/ (the OAuth token endpoint, the simulator's
 * control routes) are not in the spec and pass through unchecked. A request that dies (timeout, dropped
 * connection) is recorded with status null.
 */
export function createValidatingFetch(validator: OpenApiValidator, inner: typeof fetch = fetch): ValidatingFetch {
  const exchanges: CheckedExchange[] = [];
  const validatingFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (!url.pathname.startsWith("/api/")) return inner(input, init);
    const bodyText = request.method === "GET" || request.method === "HEAD" ? "" : await request.clone().text();
    const checked = validator.validateRequest({ method: request.method, url: request.url, headers: request.headers, body: bodyText === "" ? undefined : bodyText });
    const exchange: CheckedExchange = { method: request.method, url: request.url, operationId: checked.operationId, status: null, requestErrors: checked.errors, responseErrors: [] };
    exchanges.push(exchange);
    const response = await inner(input, init);
    exchange.status = response.status;
    const text = await response.clone().text();
    let body: unknown;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    // Gateway faults (HTML 502/504) and 429/503 are transport conditions, not API answers the spec models.
    if (![429, 502, 503, 504].includes(response.status)) {
      exchange.responseErrors = validator.validateResponse({ method: request.method, path: url.pathname + url.search, status: response.status, body }).errors;
    }
    return response;
  };
  return {
    fetch: validatingFetch as typeof fetch,
    exchanges,
    violations: () => exchanges.filter((e) => e.requestErrors.length > 0 || e.responseErrors.length > 0),
  };
}
