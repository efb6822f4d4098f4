import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type {} from "next-auth/jwt";
import { headers } from "next/headers";
import { z } from "zod";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { clientIp } from "./client-ip";
import { decoyPasswordHash, verifyPassword } from "./password";
import { endSession, startSession } from "./sessions";
import { beginSignInAttempt, recordSignInSuccess } from "./sign-in-throttle";

declare module "next-auth" {
  interface Session {
    /** The Session row this cookie stands for (lib/auth/sessions.ts); not a secret on its own. */
    sessionId?: string;
  }
  interface User {
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(1024) });

/** Idle limit: the cookie is renewed while in use. The absolute limit is SESSION_MAX_HOURS (see sessions.ts). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * Refused by the throttle, on either sign-in path. Its code reaches the callback route's redirect URL, so it
 * says only "throttled"; the sign-in action reads the wait from the instance.
 */
export class SignInThrottled extends CredentialsSignin {
  override code = "throttled";
  constructor(readonly retryAfterMs: number) {
    super();
  }
}

async function requestIp(): Promise<string> {
  try {
    return clientIp(await headers());
  } catch {
    return "unknown"; // outside a request (never expected): still sign out, just without an address
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // `next start` serves on whatever host the admin uses; the app runs behind no host-rewriting proxy by default.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  logger: {
    // A failed or throttled sign-in is an expected event (audited), not a server error worth a stack trace.
    error(error) {
      if (!(error instanceof CredentialsSignin)) console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // Both sign-in paths end here (the form's action and POST /api/auth/callback/credentials), so the
      // throttle is checked here and nowhere else.
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientIp(request.headers);
        const attempt = await beginSignInAttempt(email, ip);
        if (!attempt.allowed) {
          if (attempt.firstRefusal) {
            await recordAuditEvent({
              action: AUDIT_ACTIONS.signInThrottled,
              target: email,
              outcome: "failure",
              metadata: { retryAfterSeconds: Math.ceil(attempt.retryAfterMs / 1000) },
              ip,
            });
          }
          throw new SignInThrottled(attempt.retryAfterMs);
        }
        const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
        // Verify against a decoy when the account does not exist, so timing does not reveal which emails exist.
        const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
        if (!user || !valid) {
          await recordAuditEvent({
            actor: user ? { id: user.id, name: user.name } : null,
            action: AUDIT_ACTIONS.signInFailed,
            target: email,
            outcome: "failure",
            ip,
          });
          return null;
        }
        await recordSignInSuccess(email, ip);
        const sessionId = await startSession(user.id, ip);
        await recordAuditEvent({ actor: { id: user.id, name: user.name }, action: AUDIT_ACTIONS.signInSucceeded, target: email, ip });
        return { id: user.id, name: user.name, email: user.email, sessionId };
      },
    }),
  ],
  callbacks: {
    // Only a sign-in writes the token's identity; an update request (POST /api/auth/session) cannot change it.
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Both sign-out paths (the app's action and Auth.js's own route) end the session row, not only the cookie.
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sid : undefined;
      if (!sessionId) return;
      const user = await endSession(sessionId, "signed_out");
      if (user) await recordAuditEvent({ actor: user, action: AUDIT_ACTIONS.signOut, target: user.email, ip: await requestIp() });
    },
  },
});
