// The outbound guard for webhooks, the same rule as credentials' custom hosts: public HTTPS only, unless the
// origin is in ALERT_ALLOWED_ORIGINS. A destination's URL is checked when it is saved, and every address its
// host resolves to is checked again when a delivery connects (a public name may point at a private address).
import "server-only";
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";
import { ALERT_ALLOWED_ORIGINS_VARIABLE, alertAllowedOrigins } from "@/lib/credentials/outbound-allow-list";
import { AppError } from "@/lib/errors/app-error";

export const MAX_URL_LENGTH = 2048;

function allowListed(origin: string): boolean {
  return alertAllowedOrigins().some((allowed) => {
    try {
      return new URL(allowed).origin === origin;
    } catch {
      return false;
    }
  });
}

/** Only unicast (public) addresses; loopback, private, link-local, CGNAT, multicast and reserved ranges are not. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

function refuse(message: string): AppError {
  return new AppError("invalid", message, { path: "url" });
}

/** Validates a destination URL; returns it normalised. The message says what to change. */
export function checkDestinationUrl(raw: string): string {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse("The URL is not valid: give a full https:// address, e.g. https://hooks.example.com/alerts.");
  }
  if (url.username || url.password) throw refuse("Put no user name or password in the URL; receivers verify the webhook-signature header instead.");
  if (url.hash) throw refuse("Remove the #fragment from the URL; it is never sent.");
  const listed = allowListed(url.origin);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && listed)) {
    throw refuse(`Webhooks go over HTTPS only: use https://${url.host}${url.pathname}, or add ${url.origin} to ${ALERT_ALLOWED_ORIGINS_VARIABLE}.`);
  }
  if (!listed) {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const literal = ipaddr.isValid(host);
    if ((literal && !isPublicAddress(host)) || (!literal && /(^|\.)(localhost|local|internal|localdomain)$/i.test(host))) {
      throw refuse(`${url.hostname} is a loopback or private address; add ${url.origin} to ${ALERT_ALLOWED_ORIGINS_VARIABLE} to allow it.`);
    }
  }
  return url.toString();
}

/** A URL for display: scheme, host and the first path segment; the rest (often a token, as in Slack's URLs) is hidden. */
export function maskedUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const [first, ...rest] = url.pathname.split("/").filter(Boolean);
    return `${url.origin}/${first ?? ""}${rest.length > 0 || url.search ? "/…" : ""}`;
  } catch {
    return "(invalid URL)";
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A dns.lookup for http(s).request that refuses non-public addresses for origins that are not allow-listed, so
 * the address checked is the address connected to (no second resolution an attacker's DNS could answer differently).
 */
export function guardedLookup(origin: string) {
  const listed = allowListed(origin);
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const blocked = listed ? undefined : list.find((entry) => !isPublicAddress(entry.address));
      if (blocked) {
        const refusal: NodeJS.ErrnoException = new Error(
          `${hostname} resolves to ${blocked.address}, a loopback or private address; add ${origin} to ${ALERT_ALLOWED_ORIGINS_VARIABLE} to allow it.`,
        );
        refusal.code = "EADDRNOTALLOWED";
        return callback(refusal, []);
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
      callback(null, first.address, first.family);
    });
  };
}
