/** A refusal of the HTTP layer itself (body, media type); domain errors keep their own classes. */
export type ApiErrorKind = "payloadTooLarge" | "unsupportedMediaType" | "invalidJson" | "invalidRequest" | "notFound";

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}
