// Turns a decrypted credential into per-request auth headers. The only place secrets are read.
import type { AuthDescriptor } from "../types";
import { JumpCloudError } from "./errors";
import { MASK } from "../curl";
import type { Redactor } from "./redact";
import { importSigningKey, signatureAuthorization, signString, stringToSign } from "./system-context";
import type { Authorizer, CallStats, Transport } from "./transport";

export type JumpCloudAuth =
  | { type: "apiKey"; apiKey: string; orgId?: string }
  | { type: "systemContext"; systemId: string; date?: string; signature?: string; privateKeyPem?: string }
  | { type: "serviceAccount"; clientId: string; clientSecret: string; orgId?: string };


export function secretsOf(auth: JumpCloudAuth): string[] {
  switch (auth.type) {
    case "apiKey":
      return [auth.apiKey];
    case "systemContext":
      return [auth.signature, auth.privateKeyPem].filter((s): s is string => typeof s === "string");
    case "serviceAccount":
      return [auth.clientSecret, btoaUtf8(`${auth.clientId}:${auth.clientSecret}`)];
  }
}

/** The non-secret part of a credential, from its stored settings: enough for the preview's masked headers. */
export function describeAuth(authType: string, settings: Record<string, string | undefined>): AuthDescriptor {
  const present = (name: string) => (settings[name] ? { [name]: settings[name] } : {});
  switch (authType) {
    case "systemContext":
      return { type: "systemContext", systemId: settings.systemId ?? "", ...present("date") };
    case "serviceAccount":
      return { type: "serviceAccount", ...present("clientId"), ...present("orgId") };
    default:
      // Without a credential the preview shows the recommended auth type.
      return { type: "apiKey", ...present("orgId") };
  }
}

export function defaultOrgId(auth: JumpCloudAuth | AuthDescriptor): string | undefined {
  return auth.type === "systemContext" ? undefined : (auth as { orgId?: string }).orgId || undefined;
}

/** The headers the preview shows: same names as a real request, secrets replaced by the mask. */
export function maskedAuthHeaders(auth: AuthDescriptor): Record<string, string> {
  switch (auth.type) {
    case "apiKey":
      return { "x-api-key": MASK };
    case "serviceAccount":
      return { Authorization: `Bearer ${MASK}` };
    case "systemContext":
      return { Date: auth.date ?? "<request time>", Authorization: signatureAuthorization(auth.systemId ?? "", MASK) };
    default:
      return {};
  }
}

function btoaUtf8(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const SIGNATURE_MAX_AGE_MS = 5 * 60_000;

export interface AuthorizerDeps {
  transport: Transport;
  tokenUrl: string;
  redactor: Redactor;
  /** Wall clock in ms (Date.now); injected for tests of token expiry and signature age. */
  wallClock: () => number;
}

export function createAuthorizer(auth: JumpCloudAuth, deps: AuthorizerDeps): Authorizer {
  switch (auth.type) {
    case "apiKey": {
      const headers = { "x-api-key": auth.apiKey };
      return {
        authType: "apiKey",
        headers: () => headers,
        unauthorized: () =>
          `The API key was rejected (HTTP 401): it is invalid, revoked or belongs to a deleted admin. Generate a new key under Settings → API Keys.`,
      };
    }
    case "systemContext":
      return systemContextAuthorizer(auth, deps);
    case "serviceAccount":
      return serviceAccountAuthorizer(auth, deps);
  }
}

function systemContextAuthorizer(auth: Extract<JumpCloudAuth, { type: "systemContext" }>, deps: AuthorizerDeps): Authorizer {
  let key: Promise<CryptoKey> | undefined;
  return {
    authType: "systemContext",
    async headers(method, path) {
      if (auth.privateKeyPem) {
        key ??= importSigningKey(auth.privateKeyPem);
        const date = new Date(deps.wallClock()).toUTCString();
        const signature = await signString(await key, stringToSign(method, path, date));
        deps.redactor.add(signature);
        return { Date: date, Authorization: signatureAuthorization(auth.systemId, signature) };
      }
      if (auth.date && auth.signature) return { Date: auth.date, Authorization: signatureAuthorization(auth.systemId, auth.signature) };
      throw new JumpCloudError({
        kind: "authenticationFailed",
        message: "The System Context credential needs either the system's private key or a stored date and signature.",
        authType: "systemContext",
      });
    },
    unauthorized(sent) {
      const date = Date.parse(sent.Date ?? "");
      if (!Number.isNaN(date) && Math.abs(deps.wallClock() - date) > SIGNATURE_MAX_AGE_MS) {
        return `The System Context signature was rejected because its date (${sent.Date}) is too old (HTTP 401). Sign a fresh request or store the private key so requests are signed live.`;
      }
      return `The System Context signature was rejected (HTTP 401): check the System ID and that the signature was made with this system's private key over "GET /api/systems/{id} HTTP/1.1" and the date. Systems installed through the User Portal, MDM or ADE cannot use System Context.`;
    },
  };
}

function serviceAccountAuthorizer(auth: Extract<JumpCloudAuth, { type: "serviceAccount" }>, deps: AuthorizerDeps): Authorizer {
  let token: { value: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  const basic = `Basic ${btoaUtf8(`${auth.clientId}:${auth.clientSecret}`)}`;
  const tokenPath = new URL(deps.tokenUrl).pathname;
  const tokenAuthorizer: Authorizer = {
    authType: "serviceAccount",
    headers: () => ({ Authorization: basic }),
    unauthorized: () =>
      `The service account's client ID or secret was rejected by the token endpoint (HTTP 401). Check them in JumpCloud under Settings → Service Accounts.`,
  };

  async function fetchToken(stats: CallStats, signal?: AbortSignal): Promise<string> {
    const result = await deps.transport.send(
      {
        method: "POST",
        url: deps.tokenUrl,
        path: tokenPath,
        headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
        body: "grant_type=client_credentials&scope=api",
        notFound: "unexpectedResponse",
        idempotent: true, // issuing a token has no side effect worth guarding
      },
      tokenAuthorizer,
      stats,
      signal,
    );
    const body = result.body as { access_token?: unknown; expires_in?: unknown } | undefined;
    if (typeof body?.access_token !== "string" || body.access_token === "") {
      throw new JumpCloudError({ kind: "unexpectedResponse", message: "The service account token endpoint returned no access_token." });
    }
    deps.redactor.add(body.access_token);
    const lifetimeMs = (typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 3600) * 1000;
    // Renew a little early so a token never expires between being read and being checked by JumpCloud.
    token = { value: body.access_token, expiresAt: deps.wallClock() + lifetimeMs - Math.min(60_000, lifetimeMs / 10) };
    return body.access_token;
  }

  return {
    authType: "serviceAccount",
    async headers(_method, _path, stats, signal) {
      if (token && deps.wallClock() < token.expiresAt) return { Authorization: `Bearer ${token.value}` };
      pending ??= fetchToken(stats, signal).finally(() => {
        pending = undefined;
      });
      return { Authorization: `Bearer ${await pending}` };
    },
    refresh() {
      token = undefined;
      return true;
    },
    unauthorized: () =>
      `The service account's token was rejected (HTTP 401): the service account may have been deleted or lost its role.`,
  };
}
