import { AppError } from "@/lib/errors/app-error";
import { ApiError } from "./api-error";

/** Bodies over this are refused before parsing: 5 MB leaves room for several megabytes of upstream JSON. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

function tooLarge(maxBytes: number): ApiError {
  return new ApiError("payloadTooLarge", `The request body is larger than ${maxBytes} bytes (${Math.round(maxBytes / 1024 / 1024)} MB). Send less input data.`);
}

/** Reads at most `maxBytes`, counting as it goes: Content-Length may be absent (chunked) or wrong. */
async function readLimited(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The path of the first string or key holding U+0000, which PostgreSQL cannot store in JSON or text. */
function findNulCharacter(value: unknown, path: string): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (key.includes("\u0000")) return childPath;
    const found = findNulCharacter(child, childPath);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The request's JSON body, or a typed refusal: 415 for another media type, 413 past the limit, 400 for
 * bytes that are not UTF-8 JSON (the message says where parsing failed).
 */
export async function readJsonBody(request: Request, maxBytes: number = MAX_BODY_BYTES): Promise<unknown> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim();
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    throw new ApiError("unsupportedMediaType", `Send the body as JSON with "Content-Type: application/json"${mediaType ? ` (got "${mediaType.slice(0, 100)}")` : ""}.`);
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  const bytes = request.body
    ? await readLimited(request.body, maxBytes).catch((error: unknown) => {
        if (request.signal.aborted) throw new AppError("requestAborted", "The caller cancelled the request before its body arrived.");
        throw error;
      })
    : new Uint8Array();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError("invalidJson", "The request body is not valid UTF-8 text.");
  }
  if (text.trim() === "") throw new ApiError("invalidJson", "The request body is empty; send a JSON object.");
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    // V8 names the token and the position; its quoted excerpt of the body is dropped so nothing sent is echoed.
    const detail = error instanceof SyntaxError ? error.message.replace(/, ".*" is not valid JSON$/s, "").slice(0, 200) : "unreadable";
    throw new ApiError("invalidJson", `The request body is not valid JSON: ${detail}.`);
  }
  // Only an escaped \u0000 can produce one (JSON forbids raw control characters), so the walk is rare.
  const nulAt = text.includes("\\u0000") ? findNulCharacter(value, "") : undefined;
  if (nulAt !== undefined) throw new ApiError("invalidRequest", `${nulAt || "The body"} contains a NUL character (\\u0000), which cannot be stored; remove it.`, nulAt || undefined);
  return value;
}
