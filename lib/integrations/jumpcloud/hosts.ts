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

function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
    if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) {
      return undefined;
    }
    return url.origin;
  } catch {
    return undefined;
  }
}

/** Resolves the region or the allow-listed custom origin; refuses any other host before a request is made. */
export function resolveEndpoints(connection: ConnectionSettings | undefined, allowedOrigins: readonly string[] = []): Endpoints {
  const baseUrl = connection?.baseUrl?.trim();
  if (baseUrl) {
    const origin = normalizeOrigin(baseUrl);
    const allowList = new Set(allowedOrigins.map(normalizeOrigin).filter((o): o is string => o !== undefined));
    if (origin === undefined || !allowList.has(origin)) {
      throw new JumpCloudError({
        kind: "hostNotAllowed",
        message: `The base URL "${baseUrl}" is not allowed: only the JumpCloud US, EU and IN consoles${
          allowList.size > 0 ? ` and ${[...allowList].join(", ")}` : ""
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
