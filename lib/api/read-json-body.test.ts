import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { readJsonBody } from "./read-json-body";

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://app.test/api/v1/nodes/execute", { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) });

async function refusal(request: Request, maxBytes?: number): Promise<ApiError> {
  const error = await readJsonBody(request, maxBytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe("readJsonBody", () => {
  it("parses JSON sent as application/json, with a charset or a +json type", async () => {
    expect(await readJsonBody(post('{"a":[1,2]}'))).toEqual({ a: [1, 2] });
    expect(await readJsonBody(post('{"a":1}', { "content-type": "application/json; charset=utf-8" }))).toEqual({ a: 1 });
    expect(await readJsonBody(post("[]", { "content-type": "application/vnd.api+json" }))).toEqual([]);
  });

  it("refuses other media types with 415 naming the one received", async () => {
    const error = await refusal(post("a=1", { "content-type": "application/x-www-form-urlencoded" }));
    expect(error.kind).toBe("unsupportedMediaType");
    expect(error.message).toContain("application/x-www-form-urlencoded");
    expect((await refusal(post('{"a":1}', {}))).kind).toBe("unsupportedMediaType");
  });

  it("refuses a declared length over the limit before reading", async () => {
    const error = await refusal(post("{}", { "content-type": "application/json", "content-length": "6000000" }));
    expect(error.kind).toBe("payloadTooLarge");
  });

  it("counts streamed bytes when no length is declared", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode(`"${"x".repeat(1000)}",`));
        if (pulled > 10_000) controller.close();
      },
    });
    const error = await refusal(post(stream), 10_000);
    expect(error.kind).toBe("payloadTooLarge");
    // It stopped soon after the limit instead of draining the whole stream.
    expect(pulled).toBeLessThan(20);
  });

  it("names the JSON problem without echoing the body", async () => {
    const error = await refusal(post('{"apiKey": secret-value}'));
    expect(error.kind).toBe("invalidJson");
    expect(error.message).toMatch(/not valid JSON: Unexpected token/);
    expect(error.message).not.toContain("secret-value");
    expect((await refusal(post(""))).message).toContain("empty");
    expect((await refusal(post(new Uint8Array([0x7b, 0xff, 0x7d])))).message).toContain("UTF-8");
  });

  it("refuses NUL characters, which PostgreSQL cannot store, naming where they are", async () => {
    const error = await refusal(post('{"node":{"parameters":{"policyId":"a\\u0000b"}}}'));
    expect(error).toMatchObject({ kind: "invalidRequest", path: "node.parameters.policyId" });
    expect(await readJsonBody(post('{"text":"a\\\\u0000"}'))).toEqual({ text: "a\\u0000" });
  });
});

describe("readJsonBody when the caller goes away", () => {
  it("says the request was aborted (a 499, not an unexpected 500) when the body stream breaks after the caller cancelled", async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      pull(stream) {
        controller.abort();
        stream.error(new Error("terminated"));
      },
    });
    const request = new Request("http://app.test/api/credentials/test", {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
      signal: controller.signal,
      duplex: "half",
    } as RequestInit);
    const error = await readJsonBody(request).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: "requestAborted", status: 499 });
  });
});
