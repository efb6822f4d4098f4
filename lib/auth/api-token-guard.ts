import "server-only";
import type { ApiScope } from "@/lib/api-tokens/api-token-scopes";
import { authenticateApiToken } from "@/lib/api-tokens/api-token-store";
import { clientIp } from "./client-ip";
import { GuardError, requireUser, type GuardContext } from "./guard";
import { hasRole, type Role } from "./roles";
import { assertSameOrigin } from "./same-origin";

export interface ApiCaller extends GuardContext {
  /** How the caller proved who they are; a session is the app's own pages. */
  via: "token" | "session";
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Who is calling an /api/v1 route: a bearer token (checked for its scope) or the session cookie. Either way
 * the role is the user's role in the database now, so a token never acts with more than its owner may.
 */
export async function requireApiCaller(request: Request, guard: { role: Role; scopes: readonly ApiScope[] }): Promise<ApiCaller> {
  const ip = clientIp(request.headers);
  const authorization = request.headers.get("authorization");
  if (authorization === null) {
    assertSameOrigin(request.headers);
    return { user: await requireUser(guard.role), ip, via: "session" };
  }

  const presented = BEARER.exec(authorization)?.[1];
  if (!presented) throw new GuardError("unauthenticated", 'Send the token as "Authorization: Bearer jcm_...".');
  const caller = await authenticateApiToken(presented, ip);
  if (!guard.scopes.some((scope) => caller.scopes.includes(scope))) {
    throw new GuardError("forbidden", `This token lacks the ${guard.scopes.join(" or ")} scope. Create a token with it in Settings -> API tokens.`);
  }
  if (!hasRole(caller.user.role, guard.role)) {
    throw new GuardError("forbidden", `This needs the ${guard.role} role or higher; the token's owner is ${caller.user.role}.`);
  }
  return { user: caller.user, ip, via: "token" };
}
