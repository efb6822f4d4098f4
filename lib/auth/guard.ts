import "server-only";
import { headers } from "next/headers";
import { NextResponse } from "next/server";
import { cache } from "react";
import type { z } from "zod";
import { AppError, type ErrorBody } from "@/lib/errors/app-error";
import { describeError } from "@/lib/errors/describe-error";
import { fieldErrorsFromZod } from "@/lib/errors/zod-issues";
import { auth } from "./auth";
import { clientIp } from "./client-ip";
import { hasRole, type Role } from "./roles";
import { assertSameOrigin } from "./same-origin";
import { userOfSession } from "./sessions";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
}

export type GuardErrorKind = "unauthenticated" | "forbidden" | "invalid" | "notFound" | "conflict";

/** A refusal a caller may see: its message never holds a secret. */
export class GuardError extends AppError<GuardErrorKind> {
  override name = "GuardError";
  constructor(kind: GuardErrorKind, message: string, fieldErrors?: Record<string, string>) {
    super(kind, message, fieldErrors === undefined ? {} : { fieldErrors });
  }
}

/**
 * The signed-in user as the database knows them now: a JWT may outlive a role change, a removal or the end of
 * its session (sign-out, password change, absolute lifetime), so only its session id is taken from the token.
 * Read once per request, however many layouts and pages ask.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  return userOfSession(session?.sessionId, session?.user?.id, async () => clientIp(await headers()));
});

export const PASSWORD_CHANGE_REQUIRED =
  "Choose your own password first: you signed in with a one-time password. Until you change it at /change-password, only changing the password and signing out work.";

/** `beforePasswordChange`: also for a user who still has a one-time password (changing it, signing out). */
export async function requireUser(atLeast: Role = "viewer", { beforePasswordChange = false } = {}): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new GuardError("unauthenticated", "Sign in to continue.");
  if (user.mustChangePassword && !beforePasswordChange) throw new GuardError("forbidden", PASSWORD_CHANGE_REQUIRED);
  if (!hasRole(user.role, atLeast)) throw new GuardError("forbidden", `This needs the ${atLeast} role or higher; you are ${user.role}.`);
  return user;
}

/** "createdAt" → "created at": a field's key read as words, for the one message a form shows above its fields. */
function fieldWords(path: string): string {
  const last = path.split(".").pop() ?? path;
  return last.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** The form's banner: the first problem as a sentence (the field's own message is shown beside it too). */
function formSummary(fieldErrors: Record<string, string>): string {
  const entries = Object.entries(fieldErrors);
  const [path, message] = entries[0] ?? ["_", "The form is not complete."];
  const sentence = message === "Required" ? `Enter the ${fieldWords(path)}.` : /[.!?]$/.test(message) ? message : `${message}.`;
  return entries.length > 1 ? `${sentence} ${entries.length - 1} more field${entries.length > 2 ? "s need" : " needs"} attention.` : sentence;
}

function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsFromZod(parsed.error, raw);
    throw new GuardError("invalid", formSummary(fieldErrors), fieldErrors);
  }
  return parsed.data;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export interface GuardContext {
  user: SessionUser;
  ip: string;
}

/**
 * Wraps every server action: authenticated, role allowed, input parsed with zod; nothing runs otherwise.
 * Results are plain data, so errors reach the form instead of an error page.
 */
export function guardedAction<S extends z.ZodType, T>(
  options: { role: Role; input: S; beforePasswordChange?: boolean },
  handler: (input: z.infer<S>, context: GuardContext) => Promise<T>,
): (raw: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const user = await requireUser(options.role, options);
      const input = parseInput(options.input, raw);
      const ip = clientIp(await headers());
      return { ok: true, data: await handler(input, { user, ip }) };
    } catch (error) {
      return { ok: false, error: describeError(error, "action").body };
    }
  };
}

/** The same guard for route handlers: 401/403/400 as JSON, and the handler never runs. */
export function guardedRoute<P>(
  options: { role: Role },
  handler: (request: Request, context: GuardContext & { params: P }) => Promise<Response>,
): (request: Request, routeContext: { params: Promise<P> }) => Promise<Response> {
  return async (request, routeContext) => {
    try {
      assertSameOrigin(request.headers);
      const user = await requireUser(options.role);
      return await handler(request, { user, ip: clientIp(request.headers), params: await routeContext.params });
    } catch (error) {
      const { status, body } = describeError(error, "route");
      return NextResponse.json({ error: body }, { status });
    }
  };
}
