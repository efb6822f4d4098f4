import type { Refusable, Refusal } from "@/lib/auth/guard";

export type NodeConfigErrorKind = "notFound" | "conflict" | "invalid";

/** A node-config problem the user can act on (name taken, stale version, unknown operation). */
export class NodeConfigError extends Error implements Refusable {
  override readonly name = "NodeConfigError";
  constructor(
    readonly kind: NodeConfigErrorKind,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }

  toRefusal(): Refusal {
    return { kind: this.kind, message: this.message, fieldErrors: this.fieldErrors };
  }
}
