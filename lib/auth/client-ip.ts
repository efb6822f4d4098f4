import { isIP, SocketAddress } from "node:net";
import proxyaddr from "proxy-addr";
import { env } from "@/lib/env";
import { PEER_HEADER, readPeerStamp } from "./peer-address";

/** A parsed address in its canonical text (IPv4-mapped IPv6 as IPv4), else "unknown": never caller text. */
export function normalizeIp(value: string | undefined): string {
  const family = isIP(value ?? "");
  if (!value || family === 0) return "unknown";
  const canonical = new SocketAddress({ address: value, family: family === 4 ? "ipv4" : "ipv6" }).address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(canonical);
  return mapped ? mapped[1]! : canonical;
}

type Trust = (address: string, hop: number) => boolean;
let compiled: { setting: number | string[]; trust: Trust } | undefined;

function trustFor(setting: number | string[]): Trust {
  if (compiled?.setting !== setting) {
    compiled = { setting, trust: typeof setting === "number" ? (_address, hop) => hop < setting : proxyaddr.compile(setting) };
  }
  return compiled.trust;
}

/**
 * The caller's IP: the TCP peer that this app stamped on the request (see peer-address.ts), or, behind the
 * reverse proxies TRUSTED_PROXIES names, the address the outermost trusted proxy saw in X-Forwarded-For.
 * A client's own X-Forwarded-For is believed only that far.
 */
export function clientIp(headers: Headers): string {
  const peer = readPeerStamp(headers.get(PEER_HEADER));
  if (peer === undefined) return "unknown";
  const setting = env().TRUSTED_PROXIES;
  if (setting === 0) return normalizeIp(peer);
  const request = { socket: { remoteAddress: peer }, headers: { "x-forwarded-for": headers.get("x-forwarded-for") ?? "" } };
  return normalizeIp(proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], trustFor(setting)));
}
