import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/auth";

// Reachable without a session: sign-in, first-run setup, Auth.js's own endpoints and the health probe.
const PUBLIC_PATHS = [/^\/sign-in$/, /^\/setup$/, /^\/api\/auth\//, /^\/api\/health$/];

export const proxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (request.auth?.user || PUBLIC_PATHS.some((p) => p.test(pathname))) return NextResponse.next();
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
