import "server-only";
import { requireApiCaller, type ApiCaller } from "@/lib/auth/api-token-guard";
import type { ApiEndpoint } from "./api-endpoints";
import { errorResponse } from "./error-response";

/**
 * Wraps an /api/v1 route handler: the caller is authenticated and authorized from the endpoint's table entry
 * before the handler runs, and every thrown error leaves through the one error mapping.
 */
export function apiRoute<P = Record<string, never>>(
  endpoint: ApiEndpoint,
  handler: (request: Request, context: ApiCaller & { params: P }) => Promise<Response>,
): (request: Request, routeContext: { params: Promise<P> }) => Promise<Response> {
  return async (request, routeContext) => {
    try {
      const caller = await requireApiCaller(request, endpoint);
      return await handler(request, { ...caller, params: await routeContext.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
