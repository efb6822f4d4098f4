import { GuardError } from "./guard";

/**
 * Refuses a cookie-authenticated request that another site made (CSRF). Browsers send the SameSite=Lax session
 * cookie with a form POST from another port of the same host, so the cookie alone proves nothing: the request
 * must come from this app's own origin. Programs without these headers (curl, workflow engines) pass; they
 * use API tokens anyway, which are not checked here.
 */
export function assertSameOrigin(headers: Headers): void {
  const site = headers.get("sec-fetch-site");
  // "same-site" is another origin too (another port or subdomain); "none" is the user opening the URL.
  if (site !== null && site !== "same-origin" && site !== "none") {
    throw new GuardError("forbidden", `Refused a ${site} request: the session cookie works only on requests from this app's own pages. Programs send an API token instead.`);
  }
  const origin = headers.get("origin");
  if (origin === null) return;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host || hostOf(origin) !== host.toLowerCase()) {
    throw new GuardError("forbidden", `Refused a request from another origin (${origin.slice(0, 100)}): the session cookie works only on requests from this app's own pages. Programs send an API token instead.`);
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // "null" (sandboxed frames, privacy redirects) or garbage: not this app
  }
}
