// Every route handler and every server action, refused without a session or token and allowed only to the
// roles (and token scopes) it is meant for. The tables below must list each one: a new route.ts or a new
// action export without an entry fails the first tests, so nobody can add an endpoint without deciding who
// may call it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "./test";
import { API_SCOPES, type ApiScope } from "../lib/api-tokens/api-token-scopes";
import { hasRole, type Role } from "../lib/auth/roles";
import { OWNER } from "./accounts";
import { anonymousContext, createToken, createUser, ownerId, rowCounts, signedInContext } from "./api-accounts";
import { actionIds, callAction } from "./server-actions";

const ROOT = path.resolve(import.meta.dirname, "..");
const ROLES_BELOW_OWNER = ["viewer", "editor", "admin"] as const;

interface RouteRule {
  /** Who may call it: "public", or the least role (and for /api/v1, the token scopes that work). */
  access: "public" | { role: Role; scopes?: readonly ApiScope[] };
  /** A concrete request that is harmless for every caller: invalid or unknown ids, never a real change. */
  probe: { path: string; data?: unknown };
}

const ROUTES: Record<string, RouteRule> = {
  "GET /api/auth/[...nextauth]": { access: "public", probe: { path: "/api/auth/session" } },
  "POST /api/auth/[...nextauth]": { access: "public", probe: { path: "/api/auth/callback/credentials", data: {} } },
  "GET /api/health": { access: "public", probe: { path: "/api/health" } },
  "GET /api/compliance/policy-options": { access: { role: "editor" }, probe: { path: "/api/compliance/policy-options?credentialId=no-such-credential" } },
  "GET /api/me": { access: { role: "viewer" }, probe: { path: "/api/me" } },
  "GET /api/builder/options": { access: { role: "editor" }, probe: { path: "/api/builder/options?credentialId=no-such-credential&resource=policy&operation=list" } },
  "GET /api/builder/fields": { access: { role: "editor" }, probe: { path: "/api/builder/fields?credentialId=no-such-credential&loader=templateFields&value=t" } },
  "GET /api/builder/names": { access: { role: "editor" }, probe: { path: "/api/builder/names?credentialId=no-such-credential&kind=policy&ids=5f4d7c8e9a1b2c3d4e5f6789" } },
  "POST /api/credentials/test": { access: { role: "admin" }, probe: { path: "/api/credentials/test", data: {} } },
  "GET /api/v1/openapi.json": { access: "public", probe: { path: "/api/v1/openapi.json" } },
  "GET /api/v1/nodes": { access: { role: "viewer", scopes: ["nodes:read"] }, probe: { path: "/api/v1/nodes" } },
  "GET /api/v1/nodes/[id]": { access: { role: "viewer", scopes: ["nodes:read"] }, probe: { path: "/api/v1/nodes/no-such-node" } },
  "POST /api/v1/nodes/execute": { access: { role: "editor", scopes: ["nodes:run"] }, probe: { path: "/api/v1/nodes/execute", data: { nodeId: "no-such-node" } } },
  "POST /api/v1/nodes/preview": { access: { role: "viewer", scopes: ["nodes:run", "nodes:read"] }, probe: { path: "/api/v1/nodes/preview", data: { nodeId: "no-such-node" } } },
  "GET /api/v1/credentials": { access: { role: "viewer", scopes: ["credentials:read"] }, probe: { path: "/api/v1/credentials" } },
  "POST /api/v1/credentials/[id]/test": { access: { role: "admin", scopes: ["credentials:read"] }, probe: { path: "/api/v1/credentials/no-such-credential/test" } },
  "GET /api/v1/monitors": { access: { role: "viewer", scopes: ["monitors:read"] }, probe: { path: "/api/v1/monitors" } },
  "POST /api/v1/monitors": { access: { role: "editor", scopes: ["monitors:write"] }, probe: { path: "/api/v1/monitors", data: {} } },
  "GET /api/v1/monitors/[id]": { access: { role: "viewer", scopes: ["monitors:read"] }, probe: { path: "/api/v1/monitors/no-such-monitor" } },
  "PATCH /api/v1/monitors/[id]": { access: { role: "editor", scopes: ["monitors:write"] }, probe: { path: "/api/v1/monitors/no-such-monitor", data: { enabled: false } } },
  "DELETE /api/v1/monitors/[id]": { access: { role: "editor", scopes: ["monitors:write"] }, probe: { path: "/api/v1/monitors/no-such-monitor" } },
  "POST /api/v1/monitors/[id]/run": { access: { role: "editor", scopes: ["monitors:write"] }, probe: { path: "/api/v1/monitors/no-such-monitor/run" } },
  "GET /api/v1/monitors/[id]/snapshots": { access: { role: "viewer", scopes: ["monitors:read", "compliance:read"] }, probe: { path: "/api/v1/monitors/no-such-monitor/snapshots" } },
  "GET /api/v1/monitors/[id]/alerts": { access: { role: "viewer", scopes: ["monitors:read", "alerts:read"] }, probe: { path: "/api/v1/monitors/no-such-monitor/alerts" } },
  "GET /api/v1/alert-destinations": { access: { role: "viewer", scopes: ["alerts:read"] }, probe: { path: "/api/v1/alert-destinations" } },
  "POST /api/v1/alert-destinations": { access: { role: "editor", scopes: ["alerts:write"] }, probe: { path: "/api/v1/alert-destinations", data: {} } },
  "GET /api/v1/alert-destinations/[id]": { access: { role: "viewer", scopes: ["alerts:read"] }, probe: { path: "/api/v1/alert-destinations/no-such-destination" } },
  "PATCH /api/v1/alert-destinations/[id]": { access: { role: "editor", scopes: ["alerts:write"] }, probe: { path: "/api/v1/alert-destinations/no-such-destination", data: { enabled: false } } },
  "DELETE /api/v1/alert-destinations/[id]": { access: { role: "editor", scopes: ["alerts:write"] }, probe: { path: "/api/v1/alert-destinations/no-such-destination" } },
  "POST /api/v1/alert-destinations/[id]/rotate-secret": { access: { role: "editor", scopes: ["alerts:write"] }, probe: { path: "/api/v1/alert-destinations/no-such-destination/rotate-secret" } },
  "POST /api/v1/alert-destinations/[id]/test": { access: { role: "editor", scopes: ["alerts:write"] }, probe: { path: "/api/v1/alert-destinations/no-such-destination/test" } },
  "GET /api/v1/alert-destinations/[id]/deliveries": { access: { role: "viewer", scopes: ["alerts:read"] }, probe: { path: "/api/v1/alert-destinations/no-such-destination/deliveries" } },
  "GET /api/v1/compliance": { access: { role: "viewer", scopes: ["compliance:read"] }, probe: { path: "/api/v1/compliance" } },
  "GET /api/v1/compliance/pairs": { access: { role: "viewer", scopes: ["compliance:read"] }, probe: { path: "/api/v1/compliance/pairs?state=failing" } },
  "GET /api/v1/compliance/pairs.csv": { access: { role: "viewer", scopes: ["compliance:read"] }, probe: { path: "/api/v1/compliance/pairs.csv?state=failing" } },
  "GET /api/v1/compliance/policies/[policyId]/pairs.csv": { access: { role: "viewer", scopes: ["compliance:read"] }, probe: { path: "/api/v1/compliance/policies/no-such-policy/pairs.csv" } },
  "GET /api/v1/compliance/systems/[systemId]/pairs.csv": { access: { role: "viewer", scopes: ["compliance:read"] }, probe: { path: "/api/v1/compliance/systems/no-such-system/pairs.csv" } },
  "GET /api/v1/compliance/trend": { access: { role: "viewer", scopes: ["compliance:read"] }, probe: { path: "/api/v1/compliance/trend" } },
  "GET /api/v1/baselines": { access: { role: "viewer", scopes: ["baselines:read"] }, probe: { path: "/api/v1/baselines" } },
  "POST /api/v1/baselines": { access: { role: "editor", scopes: ["baselines:write"] }, probe: { path: "/api/v1/baselines", data: {} } },
  "GET /api/v1/baselines/[id]": { access: { role: "viewer", scopes: ["baselines:read"] }, probe: { path: "/api/v1/baselines/no-such-baseline" } },
  "PATCH /api/v1/baselines/[id]": { access: { role: "editor", scopes: ["baselines:write"] }, probe: { path: "/api/v1/baselines/no-such-baseline", data: { name: "x" } } },
  "DELETE /api/v1/baselines/[id]": { access: { role: "editor", scopes: ["baselines:write"] }, probe: { path: "/api/v1/baselines/no-such-baseline" } },
  "POST /api/v1/baselines/[id]/capture": { access: { role: "editor", scopes: ["baselines:write"] }, probe: { path: "/api/v1/baselines/no-such-baseline/capture", data: {} } },
  "GET /api/v1/baselines/[id]/versions": { access: { role: "viewer", scopes: ["baselines:read"] }, probe: { path: "/api/v1/baselines/no-such-baseline/versions" } },
  "GET /api/v1/baselines/[id]/drift": { access: { role: "viewer", scopes: ["baselines:read"] }, probe: { path: "/api/v1/baselines/no-such-baseline/drift" } },
  "POST /api/v1/baselines/[id]/drift": { access: { role: "editor", scopes: ["baselines:write"] }, probe: { path: "/api/v1/baselines/no-such-baseline/drift" } },
  "POST /api/v1/baselines/[id]/drift/[itemId]": { access: { role: "editor", scopes: ["baselines:write"] }, probe: { path: "/api/v1/baselines/no-such-baseline/drift/no-such-item", data: { action: "accept" } } },
  "POST /api/v1/associations/plan": { access: { role: "editor", scopes: ["plans:read", "plans:apply"] }, probe: { path: "/api/v1/associations/plan", data: {} } },
  "POST /api/v1/associations/apply": { access: { role: "editor", scopes: ["plans:apply"] }, probe: { path: "/api/v1/associations/apply", data: {} } },
};

/** Server actions by `file#export`: "public" ones check their own preconditions (setup, sign-in). */
const ACTIONS: Record<string, Role | "public"> = {
  "add-user.ts#addUser": "admin",
  "capture-baseline.ts#captureBaseline": "editor",
  "check-drift.ts#checkDrift": "editor",
  "resolve-drift.ts#acceptDriftItem": "editor",
  "resolve-drift.ts#previewRevert": "editor",
  "resolve-drift.ts#revertDriftItem": "editor",
  "update-baseline.ts#updateBaseline": "editor",
  "update-baseline.ts#deleteBaseline": "editor",
  "change-password.ts#changePassword": "viewer",
  "change-role.ts#changeRole": "admin",
  "create-alert-destination.ts#createAlertDestination": "editor",
  "create-api-token.ts#createApiToken": "viewer",
  "create-credential.ts#createCredential": "admin",
  "create-monitor.ts#createMonitor": "editor",
  "create-owner.ts#createOwner": "public",
  "delete-alert-destination.ts#deleteAlertDestination": "editor",
  "delete-credential.ts#deleteCredential": "admin",
  "delete-monitor.ts#deleteMonitor": "editor",
  "delete-node-config.ts#deleteNodeConfig": "editor",
  "duplicate-node-config.ts#duplicateNodeConfig": "editor",
  "remove-user.ts#removeUser": "admin",
  "rename-node-config.ts#renameNodeConfig": "editor",
  "revoke-api-token.ts#revokeApiToken": "viewer",
  "rotate-alert-secret.ts#rotateAlertSecret": "editor",
  "run-monitor.ts#runMonitor": "editor",
  "run-node.ts#runNode": "editor",
  "save-node-config.ts#saveNodeConfig": "editor",
  "send-test-alert.ts#sendTestAlert": "editor",
  "sign-in.ts#signIn": "public",
  "sign-out.ts#signOut": "public",
  "sign-out-everywhere.ts#signOutEverywhere": "viewer",
  "test-credential.ts#testCredential": "admin",
  "toggle-alert-destination.ts#toggleAlertDestination": "editor",
  "update-credential.ts#updateCredential": "admin",
  "update-monitor.ts#updateMonitor": "editor",
};

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function discoverRoutes(dir = path.join(ROOT, "app"), prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return discoverRoutes(full, /^\(.*\)$/.test(entry.name) ? prefix : `${prefix}/${entry.name}`);
    if (entry.name !== "route.ts") return [];
    const source = readFileSync(full, "utf8");
    const exported = new Set([...source.matchAll(/export\s+(?:const|async function|function)\s+(\w+)/g), ...source.matchAll(/export\s+const\s+\{\s*([\w\s,]+)\}/g)].flatMap((m) => m[1]!.split(",").map((s) => s.trim())));
    return HTTP_METHODS.filter((method) => exported.has(method)).map((method) => `${method} ${prefix}`);
  });
}

function discoverActions(): string[] {
  const dir = path.join(ROOT, "app/actions");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) => [...readFileSync(path.join(dir, file), "utf8").matchAll(/export\s+(?:const|async function|function)\s+(\w+)/g)].map((m) => `${file}#${m[1]}`));
}

const refusedKind = (result: unknown) => (result as { ok?: boolean; error?: { kind?: string } } | undefined)?.error?.kind;

test.describe("access control", () => {
  test("every route handler and every server action has an entry in the access tables", () => {
    expect(discoverRoutes().sort()).toEqual(Object.keys(ROUTES).sort());
    expect(discoverActions().sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  test("without a session or token every protected route is refused and nothing changes", async ({ baseURL }) => {
    const anonymous = await anonymousContext(baseURL!);
    const before = await rowCounts();
    for (const [key, rule] of Object.entries(ROUTES)) {
      const method = key.split(" ")[0]!;
      const call = (headers: Record<string, string> = {}) =>
        anonymous.fetch(rule.probe.path, { method, headers, ...(rule.probe.data === undefined ? {} : { data: rule.probe.data }), maxRedirects: 0 });
      const response = await call();
      if (rule.access === "public") {
        expect(response.status(), key).toBeLessThan(500);
        continue;
      }
      expect(response.status(), key).toBe(401);
      expect(((await response.json()) as { error: { kind: string } }).error.kind, key).toBe("unauthenticated");
      expect((await call({ Authorization: "Bearer jcm_not-a-real-token" })).status(), `${key} with a bad token`).toBe(401);
    }
    expect(await rowCounts()).toEqual(before);
    await anonymous.dispose();
  });

  test("each role and token scope gets exactly the routes it should", async ({ baseURL }) => {
    const users = { owner: { id: await ownerId(), email: OWNER.email, password: OWNER.password }, ...Object.fromEntries(await Promise.all(ROLES_BELOW_OWNER.map(async (role) => [role, await createUser(role)]))) } as Record<Role, { id: string; email: string; password: string }>;
    const before = await rowCounts();
    for (const role of ["viewer", "editor", "admin", "owner"] as const) {
      const session = await signedInContext(baseURL!, users[role]);
      const allScopes = await createToken(users[role].id, API_SCOPES);
      for (const [key, rule] of Object.entries(ROUTES)) {
        if (rule.access === "public") continue;
        const method = key.split(" ")[0]!;
        const allowed = hasRole(role, rule.access.role);
        const send = (context: APIRequestContext, headers: Record<string, string> = {}) =>
          context.fetch(rule.probe.path, { method, headers, ...(rule.probe.data === undefined ? {} : { data: rule.probe.data }), maxRedirects: 0 });
        const bySession = await send(session);
        if (allowed) expect([401, 403], `${role} session: ${key}`).not.toContain(bySession.status());
        else expect(bySession.status(), `${role} session: ${key}`).toBe(403);
        const scopes = rule.access.scopes;
        if (!scopes) continue;
        const byToken = await send(session, { Authorization: `Bearer ${allScopes}` });
        if (allowed) expect([401, 403], `${role} token: ${key}`).not.toContain(byToken.status());
        else expect(byToken.status(), `${role} token: ${key}`).toBe(403);
        // A token without the scope is refused even for its owner's role; a session cookie beside it does not help.
        const otherScopes = API_SCOPES.filter((s) => !scopes.includes(s));
        const narrow = await createToken(users[role].id, otherScopes);
        expect((await send(session, { Authorization: `Bearer ${narrow}` })).status(), `${role} token without ${scopes.join("/")}: ${key}`).toBe(403);
      }
      await session.dispose();
    }
    const after = await rowCounts();
    expect({ ...after, ApiToken: before.ApiToken }).toEqual(before);
  });

  test("server actions refuse anonymous callers and roles below theirs, and change nothing", async ({ baseURL }) => {
    const ids = actionIds();
    const sessions: Record<Role | "anonymous", APIRequestContext> = {
      anonymous: await anonymousContext(baseURL!),
      owner: await signedInContext(baseURL!, OWNER),
      ...(Object.fromEntries(await Promise.all(ROLES_BELOW_OWNER.map(async (role) => [role, await signedInContext(baseURL!, await createUser(role))])))),
    } as Record<Role | "anonymous", APIRequestContext>;
    const before = await rowCounts();
    let called = 0;
    // Signing out ends the caller's session (server-side, not only the cookie), so it is called last.
    const lastly = (key: string) => Number(key === "sign-out.ts#signOut");
    for (const [key, access] of Object.entries(ACTIONS).sort(([a], [b]) => lastly(a) - lastly(b))) {
      const id = ids.get(key);
      // An action no page imports has no id in the build: nothing can call it over HTTP.
      if (!id) {
        test.info().annotations.push({ type: "not reachable", description: `${key} is not referenced by any page, so it has no action id` });
        continue;
      }
      called += 1;
      // `null` is never a valid input: an allowed caller gets "invalid" (after the role check), never a change.
      for (const [who, context] of Object.entries(sessions)) {
        const { status, result } = await callAction(context, id, [null]);
        expect(status, `${who}: ${key}`).toBeLessThan(500);
        const kind = refusedKind(result);
        if (access === "public") continue;
        if (who === "anonymous") expect(result === undefined || kind === "unauthenticated", `${who}: ${key} answered ${JSON.stringify(result)}`).toBe(true);
        else if (hasRole(who as Role, access)) expect(["unauthenticated", "forbidden"], `${who}: ${key}`).not.toContain(kind);
        else expect(kind, `${who}: ${key}`).toBe("forbidden");
      }
    }
    expect(called).toBeGreaterThan(10);
    expect(await rowCounts()).toEqual(before);
    for (const context of Object.values(sessions)) await context.dispose();
  });
});
