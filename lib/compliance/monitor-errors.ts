import type { Refusable, Refusal } from "@/lib/auth/guard";

export type MonitorErrorKind = "notFound" | "conflict" | "invalid";

/** A monitor request the caller can correct: the message says what to change. */
export class MonitorError extends Error implements Refusable {
  override readonly name = "MonitorError";
  constructor(
    readonly kind: MonitorErrorKind,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }

  toRefusal(): Refusal {
    return { kind: this.kind, message: this.message, ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}) };
  }
}
