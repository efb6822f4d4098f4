// A scripted fetch for unit tests: records every request and answers from a handler.
import type { FetchLike } from "../transport";

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
  redirect: RequestRedirect | undefined;
}

export type FakeAnswer = Response | Error | "hang";
export type FakeHandler = (request: RecordedRequest, index: number) => FakeAnswer | Promise<FakeAnswer>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export function createFakeFetch(handler: FakeHandler): FetchLike & { calls: RecordedRequest[] } {
  const calls: RecordedRequest[] = [];
  const fake = async (input: string, init: RequestInit): Promise<Response> => {
    const url = new URL(input);
    const request: RecordedRequest = {
      method: init.method ?? "GET",
      url: input,
      path: url.pathname + url.search,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === "string" ? init.body : undefined,
      signal: init.signal ?? undefined,
      redirect: init.redirect,
    };
    calls.push(request);
    const answer = await handler(request, calls.length - 1);
    if (answer === "hang") {
      return new Promise<Response>((_, reject) => {
        const signal = init.signal;
        if (signal?.aborted) return reject(new DOMException("aborted", "AbortError"));
        signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")), { once: true });
      });
    }
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return Object.assign(fake, { calls });
}

/** A list endpoint over `total` records with ids r00000…, honouring limit/skip like JumpCloud. */
export function pagedRecords(total: number): (request: RecordedRequest) => Response {
  return (request) => {
    const url = new URL(request.url);
    const limit = Number(url.searchParams.get("limit") ?? 10);
    const skip = Number(url.searchParams.get("skip") ?? 0);
    if (limit > 100) return json({ message: 'Bad Request: request parameter "limit" exceeds maximum value of 100' }, 400);
    const items = [];
    for (let i = skip; i < Math.min(total, skip + limit); i++) items.push({ id: `r${String(i).padStart(5, "0")}`, n: i });
    return json(items);
  };
}
