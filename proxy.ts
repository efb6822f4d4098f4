import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/auth";

// Reachable without a session: sign-in, first-run setup, Auth.js's own endpoints, the health probe and the
// API description.
const PUBLIC_PATHS = [/^\/sign-in$/, /^\/setup$/, /^\/api\/auth\//, /^\/api\/health$/, /^\/api\/v1\/openapi\.json$/];

/** Workflow engines send a bearer token instead of a cookie; the route itself validates it and its scope. */
function carriesApiToken(pathname: string, headers: Headers): boolean {
  return pathname.startsWith("/api/v1/") && /^Bearer\s/i.test(headers.get("authorization") ?? "");
}

export const proxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (request.auth?.user || PUBLIC_PATHS.some((p) => p.test(pathname)) || carriesApiToken(pathname, request.headers)) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { kind: "unauthenticated", message: "Sign in or send a valid API token." } }, { status: 401 });
  }
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(signIn);
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
