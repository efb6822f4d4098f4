import { AppError } from "@/lib/errors/app-error";

/** A refusal of the HTTP layer itself (body, media type); domain errors keep their own classes. */
export type ApiErrorKind = "payloadTooLarge" | "unsupportedMediaType" | "invalidJson" | "invalidRequest" | "notFound";

export class ApiError extends AppError<ApiErrorKind> {
  override name = "ApiError";
  constructor(kind: ApiErrorKind, message: string, path?: string) {
    super(kind, message, path === undefined ? {} : { path });
  }
}
