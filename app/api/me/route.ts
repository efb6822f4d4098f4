import { NextResponse } from "next/server";
import { guardedRoute } from "@/lib/auth/guard";

/** Who the session belongs to, for client code that needs the role. */
export const GET = guardedRoute({ role: "viewer" }, async (_request, { user }) =>
  NextResponse.json({ id: user.id, name: user.name, email: user.email, role: user.role }),
);
