import type { Refusable, Refusal } from "@/lib/auth/guard";

export type CredentialErrorKind = "notFound" | "conflict" | "invalid" | "cannotDecrypt" | "forbidden";

/** A credential problem the user can act on; the message never contains a secret. */
export class CredentialError extends Error implements Refusable {
  override readonly name = "CredentialError";
  constructor(
    readonly kind: CredentialErrorKind,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }

  toRefusal(): Refusal {
    return { kind: this.kind === "cannotDecrypt" ? "invalid" : this.kind, message: this.message, fieldErrors: this.fieldErrors };
  }
}
