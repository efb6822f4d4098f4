import { JumpCloudError } from "./errors";

export type Region = "us" | "eu" | "in";

export interface ConnectionSettings {
  region: Region;
  /** A custom origin (e.g. the simulator); only used when the caller's allow-list contains it. */
  baseUrl?: string;
}

export const regions: ReadonlyArray<{ id: Region; label: string; origin: string }> = [
  { id: "us", label: "United States (console.jumpcloud.com)", origin: "https://console.jumpcloud.com" },
  { id: "eu", label: "Europe (console.eu.jumpcloud.com)", origin: "https://console.eu.jumpcloud.com" },
  { id: "in", label: "India (console.in.jumpcloud.com)", origin: "https://console.in.jumpcloud.com" },
];

const SERVICE_ACCOUNT_TOKEN_URL = "https://admin-oauth.id.jumpcloud.com/oauth2/token";

export interface Endpoints {
  /** Origin of the API, e.g. https://console.jumpcloud.com; v2 lives at `${origin}/api/v2`. */
  origin: string;
  tokenUrl: string;
  /** Every origin the client may talk to; anything else is refused before a request. */
  allowed: ReadonlySet<string>;
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** The API paths people paste with a base URL; the client adds them itself. */
const API_SUFFIX = /\/api(\/v[12])?\/?$/;

/**
 * The origin of a base URL or an allow-list entry, in the forms people write them: `http://127.0.0.1:4010`,
 * `http://127.0.0.1:4010/api/v2`, `localhost:4010` (no scheme: http on this machine, https elsewhere).
 * Undefined when it is not an origin (a query, credentials in the URL, another path, another scheme).
 */
export function normalizeOrigin(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `${LOOPBACK_NAMES.has(trimmed.split(/[:/]/)[0]!.toLowerCase()) || trimmed.startsWith("[::1]") ? "http" : "https"}://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
    const path = url.pathname.replace(API_SUFFIX, "");
    if (url.username || url.password || url.search || url.hash || (path !== "/" && path !== "")) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** `localhost`, `127.0.0.1` and `[::1]` name the same machine: an allow-list entry with one admits the others. */
function sameMachineKey(origin: string): string {
  const url = new URL(origin);
  return LOOPBACK_NAMES.has(url.hostname) ? `${url.protocol}//loopback:${url.port}` : origin;
}

/** Resolves the region or the allow-listed custom origin; refuses any other host before a request is made. */
export function resolveEndpoints(connection: ConnectionSettings | undefined, allowedOrigins: readonly string[] = []): Endpoints {
  const baseUrl = connection?.baseUrl?.trim();
  if (baseUrl) {
    const origin = normalizeOrigin(baseUrl);
    const allowList = allowedOrigins.map(normalizeOrigin).filter((o): o is string => o !== undefined);
    const allowed = new Set(allowList.map(sameMachineKey));
    if (origin === undefined || !allowed.has(sameMachineKey(origin))) {
      throw new JumpCloudError({
        kind: "hostNotAllowed",
        message:
          origin === undefined
            ? `The base URL "${baseUrl}" is not allowed: give the scheme, host and port only, e.g. https://jumpcloud-proxy.example.com.`
            : `The host ${origin} is not allowed: it is not on this server's list of allowed hosts, so nothing was sent. Only the JumpCloud US, EU and IN consoles${
                allowList.length > 0 ? ` and ${allowList.join(", ")}` : ""
              } can be reached.`,
      });
    }
    const tokenUrl = `${origin}/oauth2/token`;
    return { origin, tokenUrl, allowed: new Set([origin]) };
  }
  const region = connection?.region ?? "us";
  const match = regions.find((r) => r.id === region);
  if (!match) {
    throw new JumpCloudError({
      kind: "hostNotAllowed",
      message: `Unknown region "${String(region)}": use one of ${regions.map((r) => r.id).join(", ")}.`,
    });
  }
  return { origin: match.origin, tokenUrl: SERVICE_ACCOUNT_TOKEN_URL, allowed: new Set([match.origin, new URL(SERVICE_ACCOUNT_TOKEN_URL).origin]) };
}

/** Last line of defence: the URL about to be fetched must be on an allowed origin (a prefix check keeps it cheap). */
export function assertAllowedUrl(endpoints: Endpoints, url: string): void {
  for (const origin of endpoints.allowed) if (url.startsWith(`${origin}/`)) return;
  let shown = "an invalid URL";
  try {
    shown = new URL(url).origin;
  } catch {
    // keep the generic wording
  }
  throw new JumpCloudError({ kind: "hostNotAllowed", message: `Refusing to contact ${shown}: it is not an allowed JumpCloud host.` });
}
