// Accounts, tokens and database access for the API, access and security suites. Users of every role are
// inserted directly (the users UI has its own tests), then signed in over HTTP like a browser would.
import { randomUUID } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { generateApiToken } from "../lib/api-tokens/api-token-format";
import type { ApiScope } from "../lib/api-tokens/api-token-scopes";
import { hashPassword } from "../lib/auth/password";
import type { Role } from "../lib/auth/roles";

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
}

export async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createUser(role: Exclude<Role, "owner">, label: string = role): Promise<TestUser> {
  const user = { id: randomUUID(), email: `${label}-${randomUUID().slice(0, 8)}@example.com`, password: `pw-${randomUUID()}`, role };
  const passwordHash = await hashPassword(user.password);
  await withDb((db) =>
    db.query(`insert into "User" (id, email, name, "passwordHash", role, "updatedAt") values ($1, $2, $3, $4, $5, now())`, [
      user.id,
      user.email,
      `Test ${label}`,
      passwordHash,
      role,
    ]),
  );
  return user;
}

export async function ownerId(): Promise<string> {
  return withDb(async (db) => (await db.query<{ id: string }>(`select id from "User" where role = 'owner'`)).rows[0]!.id);
}

/** A token row as Settings would create it; returns the plain token. */
export async function createToken(userId: string, scopes: readonly ApiScope[], options: { expiresAt?: Date } = {}): Promise<string> {
  const { token, hash, prefix } = generateApiToken();
  await withDb((db) =>
    db.query(`insert into "ApiToken" (id, name, "tokenHash", prefix, scopes, "userId", "expiresAt") values ($1, $2, $3, $4, $5, $6, $7)`, [
      randomUUID(),
      `test ${scopes.join(" ")}`,
      hash,
      prefix,
      scopes,
      userId,
      options.expiresAt ?? null,
    ]),
  );
  return token;
}

/** An HTTP client without cookies: inside a test, Playwright would otherwise hand it the owner's session. */
export function anonymousContext(baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
}

/** An HTTP client signed in through Auth.js's credentials endpoint, holding the session cookie. */
export async function signedInContext(baseURL: string, user: { email: string; password: string }): Promise<APIRequestContext> {
  const context = await anonymousContext(baseURL);
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { email: user.email, password: user.password, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  const state = await context.storageState();
  if (!state.cookies.some((cookie) => cookie.name.includes("session-token"))) {
    throw new Error(`sign-in as ${user.email} failed: HTTP ${response.status()}`);
  }
  return context;
}

export const COUNTED_TABLES = ["User", "Credential", "NodeConfig", "Run", "ApiToken", "Monitor", "ComplianceSnapshot"] as const;

export async function rowCounts(): Promise<Record<(typeof COUNTED_TABLES)[number], number>> {
  return withDb(async (db) => {
    const counts = {} as Record<(typeof COUNTED_TABLES)[number], number>;
    for (const table of COUNTED_TABLES) counts[table] = Number((await db.query(`select count(*) from "${table}"`)).rows[0].count);
    return counts;
  });
}
