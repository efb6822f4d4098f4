import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { clientIp } from "./client-ip";
import { decoyPasswordHash, verifyPassword } from "./password";
import { recordSignInFailure, recordSignInSuccess } from "./sign-in-throttle";

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(1024) });

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  // `next start` serves on whatever host the admin uses; the app runs behind no host-rewriting proxy by default.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  logger: {
    // A failed sign-in is an expected event (audited above), not a server error worth a stack trace.
    error(error) {
      if (error.name !== "CredentialsSignin") console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientIp(request.headers);
        const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
        // Verify against a decoy when the account does not exist, so timing does not reveal which emails exist.
        const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
        if (!user || !valid) {
          recordSignInFailure(email, ip);
          await recordAuditEvent({
            actor: user ? { id: user.id, name: user.name } : null,
            action: AUDIT_ACTIONS.signInFailed,
            target: email,
            outcome: "failure",
            ip,
          });
          return null;
        }
        recordSignInSuccess(email);
        await recordAuditEvent({ actor: { id: user.id, name: user.name }, action: AUDIT_ACTIONS.signInSucceeded, target: email, ip });
        return { id: user.id, name: user.name, email: user.email };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
