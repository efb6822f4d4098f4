import { AppError } from "@/lib/errors/app-error";

export type NodeConfigErrorKind = "notFound" | "conflict" | "invalid";

/** A node-config problem the user can act on (name taken, stale version, unknown operation). */
export class NodeConfigError extends AppError<NodeConfigErrorKind> {
  override name = "NodeConfigError";
  constructor(kind: NodeConfigErrorKind, message: string, fieldErrors?: Record<string, string>) {
    super(kind, message, fieldErrors === undefined ? {} : { fieldErrors });
  }
}
