import { AppError } from "@/lib/errors/app-error";

export type CredentialErrorKind = "notFound" | "conflict" | "invalid" | "cannotDecrypt" | "forbidden";

/** A credential problem the user can act on; the message never contains a secret. */
export class CredentialError extends AppError<CredentialErrorKind> {
  override name = "CredentialError";
  constructor(kind: CredentialErrorKind, message: string, fieldErrors?: Record<string, string>) {
    super(kind, message, fieldErrors === undefined ? {} : { fieldErrors });
  }
}
