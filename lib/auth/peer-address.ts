import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { env } from "@/lib/env";

/** The request header that carries the TCP peer's address, as stamped by this app (never by a client). */
export const PEER_HEADER = "x-jcm-peer";

// A stamp older than this is not believed: it only has to survive Next forwarding an action to itself.
const STAMP_MAX_AGE_MS = 60_000;

let key: Buffer | undefined;
function stampKey(): Buffer {
  // Derived from AUTH_SECRET so every process of one deployment accepts the others' stamps.
  const secret = env().AUTH_SECRET;
  key ??= secret ? createHmac("sha256", secret).update("jcm peer address stamp").digest() : randomBytes(32);
  return key;
}

function signature(address: string, at: string): string {
  return createHmac("sha256", stampKey()).update(`${address} ${at}`).digest("base64url");
}

export function stampPeerAddress(address: string, now = Date.now()): string {
  const at = String(now);
  return `${address} ${at} ${signature(address, at)}`;
}

/** The address in a stamp this app made less than a minute ago; undefined for a missing, old or forged one. */
export function readPeerStamp(value: string | null | undefined, now = Date.now()): string | undefined {
  const [address, at, given] = (value ?? "").split(" ");
  if (!address || !at || !given || !(Math.abs(now - Number(at)) <= STAMP_MAX_AGE_MS)) return undefined;
  const expected = Buffer.from(signature(address, at));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? address : undefined;
}

let subscribed = false;

/**
 * Next's server keeps a client's own X-Forwarded-For and fills it with the socket address only when it is
 * missing (base-server.js: `x-forwarded-for ??= socket.remoteAddress`), so a route handler cannot tell the two
 * apart. Node announces each request on this channel before any listener sees it: the real peer is stamped
 * here, overwriting whatever a client sent. A server action that Next forwards to itself arrives from Next
 * carrying the original request's stamp, which is kept because only this app can sign one.
 */
export function stampPeerAddresses(): void {
  if (subscribed) return;
  subscribed = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const existing = request.headers[PEER_HEADER];
    if (typeof existing === "string" && readPeerStamp(existing) !== undefined) return;
    request.headers[PEER_HEADER] = stampPeerAddress(socket.remoteAddress ?? "unknown");
  });
}
