import type { TokenIssuer } from "../auth";
import type { PublicRoute } from "../router";

/** POST /oauth2/token: service-account client credentials (form body, as OAuth 2.0 clients send; JSON tolerated). */
export function oauthRoutes(issuer: TokenIssuer): PublicRoute[] {
  return [
    {
      kind: "public",
      method: "POST",
      path: "/oauth2/token",
      handle: ({ headers, rawBody }) => {
        const form = (headers["content-type"] ?? "").includes("application/json") ? jsonForm(rawBody) : new URLSearchParams(rawBody);
        const { status, body } = issuer.issue(headers.authorization, form);
        return { status, body, headers: { "cache-control": "no-store" } };
      },
    },
  ];
}

function jsonForm(rawBody: string): URLSearchParams {
  try {
    const parsed = JSON.parse(rawBody) as Record<string, unknown>;
    return new URLSearchParams(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return new URLSearchParams();
  }
}
