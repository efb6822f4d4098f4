import type { IncomingHttpHeaders } from "node:http";
import type { Principal } from "./auth";
import type { OrgStore } from "./org-store";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export type Caller = { kind: "admin"; principal: Principal } | { kind: "system"; systemId: string };

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body of POST/PUT. */
  body: unknown;
  headers: IncomingHttpHeaders;
  org: OrgStore;
  caller: Caller;
  nowMs: number;
}

/** A JumpCloud API operation. Only routes with systemContext accept a signed System Context request. */
export interface ApiRoute {
  kind: "api";
  method: Method;
  path: string;
  operationId: string;
  systemContext?: boolean;
  handle(ctx: ApiContext): Reply;
}

/** An unauthenticated route that handles its own credentials (the OAuth token endpoint). */
export interface PublicRoute {
  kind: "public";
  method: Method;
  path: string;
  handle(ctx: { headers: IncomingHttpHeaders; rawBody: string }): Reply;
}

export type Route = ApiRoute | PublicRoute;

export type RouteMatch = { route: Route; params: Record<string, string> } | { allowed: Method[] } | null;

export function compileRoutes(routes: readonly Route[]): (method: string, pathname: string) => RouteMatch {
  const compiled = routes.map((route) => {
    const names: string[] = [];
    const source = route.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { route, names, pattern: new RegExp(`^${source}/?$`) };
  });
  return (method, pathname) => {
    const allowed: Method[] = [];
    for (const { route, names, pattern } of compiled) {
      const match = pattern.exec(pathname);
      if (!match) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1] ?? "")));
      return { route, params };
    }
    return allowed.length > 0 ? { allowed } : null;
  };
}

export function routeKey(route: Route): string {
  return `${route.method} ${route.path}`;
}
