import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { clientIp, normalizeIp } from "./client-ip";
import { PEER_HEADER, readPeerStamp, stampPeerAddress } from "./peer-address";

/** Headers as the app sees them: the peer stamped by the server, plus whatever the caller sent. */
function request(peer: string | undefined, sent: Record<string, string> = {}): Headers {
  const headers = new Headers(sent);
  if (peer !== undefined) headers.set(PEER_HEADER, stampPeerAddress(peer));
  return headers;
}

function withTrustedProxies(value: string | undefined) {
  if (value === undefined) delete process.env.TRUSTED_PROXIES;
  else process.env.TRUSTED_PROXIES = value;
  resetEnvCache();
}

afterEach(() => withTrustedProxies(undefined));

describe("client IP", () => {
  it("is the TCP peer, whatever X-Forwarded-For or X-Real-IP the caller sends", () => {
    const sent = { "x-forwarded-for": "<img src=x onerror=alert(1)>, 203.0.113.7", "x-real-ip": "198.51.100.1" };
    expect(clientIp(request("192.0.2.10", sent))).toBe("192.0.2.10");
    expect(clientIp(request("::ffff:192.0.2.10", sent))).toBe("192.0.2.10");
  });

  it("is unknown without a genuine stamp: a caller cannot send its own", () => {
    expect(clientIp(request(undefined, { "x-forwarded-for": "203.0.113.7" }))).toBe("unknown");
    expect(clientIp(request(undefined, { [PEER_HEADER]: `203.0.113.7 ${Date.now()} forged-signature` }))).toBe("unknown");
    const genuine = stampPeerAddress("192.0.2.10");
    const [address, at, signature] = genuine.split(" ");
    expect(readPeerStamp(`203.0.113.7 ${at} ${signature}`)).toBeUndefined(); // another address, same signature
    expect(readPeerStamp(genuine, Number(at) + 5 * 60_000)).toBeUndefined(); // too old to be a forwarded action
    expect(readPeerStamp(genuine)).toBe(address);
  });

  it("behind a trusted hop count, takes the address the outermost trusted proxy saw", () => {
    withTrustedProxies("1");
    expect(clientIp(request("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 203.0.113.7" }))).toBe("203.0.113.7");
    withTrustedProxies("2");
    expect(clientIp(request("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.3" }))).toBe("203.0.113.7");
    // Fewer hops than configured: the leftmost address there is.
    expect(clientIp(request("10.0.0.2", { "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
  });

  it("behind trusted proxy ranges, skips only addresses inside them", () => {
    withTrustedProxies("10.0.0.0/8, loopback");
    expect(clientIp(request("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.1.2.3" }))).toBe("203.0.113.7");
    // The peer itself is not a trusted proxy: its X-Forwarded-For means nothing.
    expect(clientIp(request("192.0.2.10", { "x-forwarded-for": "203.0.113.7" }))).toBe("192.0.2.10");
    // A trusted proxy relaying garbage: never stored as an address.
    expect(clientIp(request("10.0.0.2", { "x-forwarded-for": "<script>" }))).toBe("unknown");
  });

  it("stores only a parsed, canonical address", () => {
    expect(normalizeIp("2001:0DB8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
    expect(normalizeIp("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeIp("203.0.113.007")).toBe("unknown");
    expect(normalizeIp("' or 1=1 --")).toBe("unknown");
    expect(normalizeIp(undefined)).toBe("unknown");
  });
});
