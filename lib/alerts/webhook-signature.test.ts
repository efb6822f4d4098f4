import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateSigningSecret, signedHeaders, verifySignature } from "./webhook-signature";

const body = JSON.stringify({ type: "test", timestamp: "2026-12-01T00:00:00.000Z", data: { id: "msg_1" } });

describe("Standard Webhooks signatures", () => {
  it("verify with the standardwebhooks library, an independent implementation", () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const now = Math.floor(Date.now() / 1000);
    const headers = signedHeaders([secret], "msg_abc", now, body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(verifySignature(secret, { id: headers["webhook-id"], timestamp: headers["webhook-timestamp"], signature: headers["webhook-signature"] }, body)).toBe(true);
  });

  it("reject a changed body, another id, another secret, and an old timestamp (a replay)", () => {
    const secret = generateSigningSecret();
    const now = Math.floor(Date.now() / 1000);
    const headers = signedHeaders([secret], "msg_abc", now, body);
    const parts = { id: "msg_abc", timestamp: String(now), signature: headers["webhook-signature"] };
    expect(verifySignature(secret, parts, `${body} `)).toBe(false);
    expect(verifySignature(secret, { ...parts, id: "msg_abd" }, body)).toBe(false);
    expect(verifySignature(generateSigningSecret(), parts, body)).toBe(false);
    const old = signedHeaders([secret], "msg_abc", now - 600, body);
    expect(verifySignature(secret, { ...parts, timestamp: String(now - 600), signature: old["webhook-signature"] }, body)).toBe(false);
    expect(() => new Webhook(secret).verify(body, old)).toThrow(/timestamp/i);
  });

  it("sign with both secrets during a rotation, so a receiver holding either accepts", () => {
    const [previous, current] = [generateSigningSecret(), generateSigningSecret()];
    const headers = signedHeaders([current, previous], "msg_rot", Math.floor(Date.now() / 1000), body);
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
  });
});
