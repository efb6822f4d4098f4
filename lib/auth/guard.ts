import "server-only";
import { headers } from "next/headers";
import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { auth } from "./auth";
import { clientIp } from "./client-ip";
import { hasRole, type Role } from "./roles";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
}

export type GuardErrorKind = "unauthenticated" | "forbidden" | "invalid" | "notFound" | "conflict";

/** A refusal a caller may see: its message never holds a secret. */
export class GuardError extends Error {
  constructor(
    readonly kind: GuardErrorKind,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "GuardError";
  }
}

const STATUS: Record<GuardErrorKind, number> = { unauthenticated: 401, forbidden: 403, invalid: 400, notFound: 404, conflict: 409 };

/**
 * The signed-in user as the database knows them now: a JWT may outlive a role change or a removal, so the
 * role is never taken from the token.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, mustChangePassword: true } });
}

export async function requireUser(atLeast: Role = "viewer"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new GuardError("unauthenticated", "Sign in to continue.");
  if (!hasRole(user.role, atLeast)) throw new GuardError("forbidden", `This needs the ${atLeast} role or higher; you are ${user.role}.`);
  return user;
}

/** Field -> first message, with the field's path so the form can show it beside the input. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const first = Object.entries(fieldErrors)[0];
    throw new GuardError("invalid", first ? `${first[0] === "_" ? "Input" : first[0]}: ${first[1]}` : "Invalid input.", fieldErrors);
  }
  return parsed.data;
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { kind: GuardErrorKind | "failed"; message: string; fieldErrors?: Record<string, string> } };

export interface GuardContext {
  user: SessionUser;
  ip: string;
}

export interface Refusal {
  kind: GuardErrorKind;
  message: string;
  fieldErrors?: Record<string, string>;
}

/** A domain error a user can act on (credential, node config): every action reports it without a wrapper. */
export interface Refusable {
  toRefusal(): Refusal;
}

function isRefusable(error: unknown): error is Refusable {
  return error instanceof Error && typeof (error as Partial<Refusable>).toRefusal === "function";
}

function refusal(error: unknown): { kind: GuardErrorKind | "failed"; message: string; fieldErrors?: Record<string, string> } {
  if (error instanceof GuardError) return { kind: error.kind, message: error.message, fieldErrors: error.fieldErrors };
  if (isRefusable(error)) return error.toRefusal();
  // Unknown errors may carry internals; log the name only and tell the user something safe.
  console.error(`[action] unexpected ${error instanceof Error ? error.name : typeof error}`);
  return { kind: "failed", message: "Something went wrong on the server. Try again; if it persists, check the server log." };
}

/**
 * Wraps every server action: authenticated, role allowed, input parsed with zod; nothing runs otherwise.
 * Results are plain data, so errors reach the form instead of an error page.
 */
export function guardedAction<S extends z.ZodType, T>(
  options: { role: Role; input: S },
  handler: (input: z.infer<S>, context: GuardContext) => Promise<T>,
): (raw: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const user = await requireUser(options.role);
      const input = parseInput(options.input, raw);
      const ip = clientIp(await headers());
      return { ok: true, data: await handler(input, { user, ip }) };
    } catch (error) {
      return { ok: false, error: refusal(error) };
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
      const user = await requireUser(options.role);
      return await handler(request, { user, ip: clientIp(request.headers), params: await routeContext.params });
    } catch (error) {
      const { kind, message, fieldErrors } = refusal(error);
      return NextResponse.json({ error: { kind, message, fieldErrors } }, { status: kind === "failed" ? 500 : STATUS[kind] });
    }
  };
}
