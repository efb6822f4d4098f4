import type { IncomingMessage, ServerResponse } from "node:http";

/** An error answer. Bodies follow what JumpCloud was seen to send (see api-notes 1.6); never put a secret in one. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.message === "string" ? body.message : `HTTP ${status}`);
    this.name = "HttpError";
  }
}

/** 400 in the spec's ErrorDetails shape; `status` is the lowerCamelCase code the spec describes for field errors. */
export function badRequest(message: string, field?: { name: string; status: string }): HttpError {
  if (!field) return new HttpError(400, { code: 400, message });
  return new HttpError(400, {
    code: 400,
    message,
    status: field.status,
    details: [{ "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: [{ field: field.name, description: message }] }],
  });
}

export function notFound(what: string): HttpError {
  return new HttpError(404, { code: 404, message: `${what} not found` });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendNoContent(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(204, headers);
  res.end();
}

const MAX_BODY_BYTES = 1_000_000;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, { code: 413, message: "Request body too large" });
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw badRequest("Bad Request: request body is required");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest("Bad Request: request body is not valid JSON");
  }
}
