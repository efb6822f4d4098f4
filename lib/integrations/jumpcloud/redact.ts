import { JumpCloudError } from "./errors";

import { MASK } from "../curl";

/**
 * Knows every secret a client holds (including tokens obtained later) and masks them in any text: as written, in
 * any letter case, percent-encoded and base64-encoded (at each of the three byte alignments, standard or URL-safe),
 * since an upstream body may echo a header it decoded or re-encoded.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  constructor(secrets: ReadonlyArray<string | undefined> = []) {
    for (const secret of secrets) this.add(secret);
  }

  add(secret: string | undefined): void {
    if (!secret || secret.length < 4 || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    this.pattern = undefined;
    // A PEM can leak line by line (e.g. in a parser message), so each base64 line counts as a secret too.
    if (secret.includes("-----BEGIN")) {
      for (const line of secret.split(/\r?\n/)) if (line.length >= 16 && !line.startsWith("-----")) this.secrets.add(line);
    }
  }

  redact(text: string): string {
    if (this.secrets.size === 0 || text === "") return text;
    this.pattern ??= new RegExp([...new Set([...this.secrets].flatMap(encodedForms))].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"), "gi");
    return text.replace(this.pattern, MASK);
  }

  /** Rebuilds any thrown value as a JumpCloudError whose message, stack and cause hold no secret. */
  scrub(error: unknown): JumpCloudError {
    if (error instanceof JumpCloudError) {
      const clean = new JumpCloudError({
        kind: error.kind,
        message: this.redact(error.message),
        ...(error.upstreamStatus === undefined ? {} : { upstreamStatus: error.upstreamStatus }),
        ...(error.path === undefined ? {} : { path: this.redact(error.path) }),
        ...(error.issues === undefined ? {} : { issues: error.issues.map((issue) => ({ ...issue, path: this.redact(issue.path), message: this.redact(issue.message) })) }),
        ...(error.authType === undefined ? {} : { authType: error.authType }),
        ...(error.request === undefined ? {} : { request: { method: error.request.method, path: this.redact(error.request.path) } }),
        ...(error.cause === undefined ? {} : { cause: this.scrubCause(error.cause) }),
      });
      return clean;
    }
    return new JumpCloudError({
      kind: "unexpectedResponse",
      message: `Unexpected failure in the JumpCloud client: ${this.redact(describe(error))}`,
      cause: this.scrubCause(error),
    });
  }

  private scrubCause(cause: unknown): Error {
    const copy = new Error(this.redact(describe(cause)));
    copy.name = cause instanceof Error ? cause.name : "Error";
    const code = (cause as { code?: unknown } | null)?.code;
    if (typeof code === "string") Object.assign(copy, { code });
    return copy;
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Shortest encoded fragment worth masking: shorter ones would mask ordinary words. */
const MIN_FORM_LENGTH = 6;

function encodedForms(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), encodeURIComponent(encodeURIComponent(secret))];
  const bytes = new TextEncoder().encode(secret);
  // Inside a longer encoded string the secret starts at byte offset 0, 1 or 2 of a 3-byte group; for each, the
  // characters that depend only on the secret's own bytes are the same wherever it appears.
  for (let offset = 0; offset < 3; offset += 1) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = base64(padded);
    const start = offset === 0 ? 0 : Math.ceil((offset * 8) / 6);
    const stableBits = (offset + bytes.length) * 8;
    const end = Math.floor(stableBits / 6);
    const core = encoded.slice(start, end);
    if (core.length >= MIN_FORM_LENGTH) forms.push(core, core.replaceAll("+", "-").replaceAll("/", "_"));
  }
  return forms.filter((form) => form.length >= MIN_FORM_LENGTH || form === secret);
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
