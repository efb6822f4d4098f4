import { JumpCloudError } from "./errors";

import { MASK } from "../curl";

/** Knows every secret a client holds (including tokens obtained later) and masks them in any text. */
export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(secrets: ReadonlyArray<string | undefined> = []) {
    for (const secret of secrets) this.add(secret);
  }

  add(secret: string | undefined): void {
    if (!secret || secret.length < 4) return;
    this.secrets.add(secret);
    // A PEM can leak line by line (e.g. in a parser message), so each base64 line counts as a secret too.
    if (secret.includes("-----BEGIN")) {
      for (const line of secret.split(/\r?\n/)) if (line.length >= 16 && !line.startsWith("-----")) this.secrets.add(line);
    }
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return out;
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
