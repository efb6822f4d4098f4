export type NodeConfigErrorKind = "notFound" | "conflict" | "invalid";

/** A node-config problem the user can act on (name taken, stale version, unknown operation). */
export class NodeConfigError extends Error {
  override readonly name = "NodeConfigError";
  constructor(
    readonly kind: NodeConfigErrorKind,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}
