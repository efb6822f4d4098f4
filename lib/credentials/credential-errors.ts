export type CredentialErrorKind = "notFound" | "conflict" | "invalid" | "cannotDecrypt" | "forbidden";

/** A credential problem the user can act on; the message never contains a secret. */
export class CredentialError extends Error {
  override readonly name = "CredentialError";
  constructor(
    readonly kind: CredentialErrorKind,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}
