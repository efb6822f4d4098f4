import { randomBytes } from "node:crypto";
import { HttpError } from "./http-io";
import { isObjectId } from "./object-id";

/** Fixed, documented test credentials (they only ever open this simulator). */
export const TEST_KEYS = {
  singleOrg: "jcsim-single-org-0f3a9c1e7b5d2a8f6c4e0b9d",
  multiOrg: "jcsim-multi-org-6d1b8e3f0a7c5e2b9d4f1a6c",
  readOnly: "jcsim-read-only-2c7e5a9f1d3b8e6a0c4f7b2d",
  revoked: "jcsim-revoked-9a4f2d6b8c1e3a7f5d0b6e8c",
} as const;

export const SERVICE_ACCOUNT_CREDENTIALS = {
  clientId: "jcsim-service-account-4e8b1f6d",
  clientSecret: "jcsim-sa-secret-7c2a9e5f1b3d8a6c0e4f",
} as const;

/** Who is calling, with the orgs they administer as indexes into the current org list (ids change on reseed). */
export interface Principal {
  kind: "apiKey" | "serviceAccount";
  orgIndexes: number[];
  readOnly: boolean;
}

const KEY_PRINCIPALS = new Map<string, Principal>([
  [TEST_KEYS.singleOrg, { kind: "apiKey", orgIndexes: [0], readOnly: false }],
  [TEST_KEYS.multiOrg, { kind: "apiKey", orgIndexes: [0, 1], readOnly: false }],
  [TEST_KEYS.readOnly, { kind: "apiKey", orgIndexes: [0], readOnly: true }],
]);

export const UNAUTHORIZED_BODY = { message: "Unauthorized", error: "Unauthorized" };

export function unauthorized(detail?: string): HttpError {
  return new HttpError(401, detail ? { message: `Unauthorized: ${detail}`, error: "Unauthorized" } : UNAUTHORIZED_BODY);
}

export function authenticateApiKey(key: string): Principal {
  const principal = KEY_PRINCIPALS.get(key);
  // Revoked and unknown keys look the same, as in JumpCloud (DefGuard/defguard #2743).
  if (!principal) throw unauthorized("api key user not found");
  return principal;
}

/**
 * Picks the org a request acts on. Single-org callers may omit x-org-id; multi-org callers must send it
 * (JumpCloud's 401 "no organization selected"); the spec's codes: 400 malformed id, 404 org not found.
 */
export function selectOrg(principal: Principal, orgIds: readonly string[], header: string | undefined): number {
  const administered = principal.orgIndexes.filter((i) => i < orgIds.length);
  if (header === undefined || header === "") {
    if (administered.length === 1) return administered[0] as number;
    throw new HttpError(401, { message: "Unauthorized: no organization selected" });
  }
  if (!isObjectId(header)) throw new HttpError(400, { code: 400, message: "Bad Request: x-org-id is not a valid organization id" });
  const index = administered.find((i) => orgIds[i] === header);
  if (index === undefined) throw new HttpError(404, { code: 404, message: "Organization ID Not Found" });
  return index;
}

interface IssuedToken {
  orgIndex: number;
  expiresAtMs: number;
}

/** Service-account OAuth 2.0 client-credentials tokens (api-notes 1.2). */
export class TokenIssuer {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly ttlSeconds: () => number) {}

  /** Answers POST /oauth2/token with the RFC 6749 body and error shapes. */
  issue(authorization: string | undefined, form: URLSearchParams): { status: number; body: Record<string, unknown> } {
    const credentials = parseBasic(authorization) ?? { clientId: form.get("client_id") ?? "", clientSecret: form.get("client_secret") ?? "" };
    if (credentials.clientId !== SERVICE_ACCOUNT_CREDENTIALS.clientId || credentials.clientSecret !== SERVICE_ACCOUNT_CREDENTIALS.clientSecret) {
      return { status: 401, body: { error: "invalid_client", error_description: "Client authentication failed" } };
    }
    if (form.get("grant_type") !== "client_credentials") {
      return { status: 400, body: { error: "unsupported_grant_type", error_description: "grant_type must be client_credentials" } };
    }
    const ttl = this.ttlSeconds();
    const token = randomBytes(32).toString("base64url");
    this.tokens.set(token, { orgIndex: 0, expiresAtMs: Date.now() + ttl * 1000 });
    return { status: 200, body: { access_token: token, token_type: "bearer", expires_in: ttl, scope: form.get("scope") ?? "api" } };
  }

  authenticate(token: string): Principal {
    const issued = this.tokens.get(token);
    if (!issued) throw unauthorized("invalid access token");
    if (Date.now() >= issued.expiresAtMs) {
      this.tokens.delete(token);
      throw unauthorized("access token expired");
    }
    return { kind: "serviceAccount", orgIndexes: [issued.orgIndex], readOnly: false };
  }
}

function parseBasic(header: string | undefined): { clientId: string; clientSecret: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
}
