import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { beginSignInAttempt, recordSignInSuccess } from "./sign-in-throttle";

const email = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.com`;
const ip = () => `198.51.100.${randomBytes(1)[0]}`;
const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

/** Attempts that fail their password check, as authorize() sees them: counted up front, never refunded. */
async function fail(account: string, from: string, times: number, when: Date) {
  const outcomes = [];
  for (let i = 0; i < times; i += 1) outcomes.push(await beginSignInAttempt(account, from, when));
  return outcomes;
}

afterAll(async () => {
  await db.$disconnect();
});

describe("sign-in throttle (Postgres)", () => {
  it("allows five attempts per account, then backs off exponentially up to 15 minutes", async () => {
    const account = email("backoff");
    const outcomes = await fail(account, ip(), 5, at(0));
    expect(outcomes.every((o) => o.allowed)).toBe(true);
    expect(await beginSignInAttempt(account, ip(), at(500))).toEqual({ allowed: false, retryAfterMs: 500, firstRefusal: true });
    expect(await beginSignInAttempt(account, ip(), at(600))).toMatchObject({ allowed: false, firstRefusal: false });
    // The sixth attempt after the first block doubles it.
    expect(await beginSignInAttempt(account, ip(), at(1_000))).toEqual({ allowed: true });
    expect(await beginSignInAttempt(account, ip(), at(1_001))).toMatchObject({ allowed: false, retryAfterMs: 1_999, firstRefusal: true });
    // Each later attempt doubles the wait, up to 15 minutes.
    let now = 3_000;
    const waits: number[] = [];
    while (waits.at(-1) !== 15 * 60_000 && waits.length < 15) {
      expect(await beginSignInAttempt(account, ip(), at(now))).toEqual({ allowed: true });
      const refused = await beginSignInAttempt(account, ip(), at(now));
      waits.push(refused.allowed ? 0 : refused.retryAfterMs);
      now += waits.at(-1)!;
    }
    expect(waits).toEqual([4, 8, 16, 32, 64, 128, 256, 512, 900].map((s) => s * 1_000));
  });

  it("a burst of parallel guesses gets exactly the free attempts, not one per request", async () => {
    const account = email("burst");
    const from = ip();
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => beginSignInAttempt(account, from, at(0))));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(5);
    expect(outcomes.filter((o) => !o.allowed && o.firstRefusal)).toHaveLength(1);
  });

  it("throttles an IP that tries many accounts; a success neither clears the IP nor counts against it", async () => {
    const from = ip();
    for (let i = 0; i < 19; i += 1) await beginSignInAttempt(email("spray"), from, at(0));
    const lucky = email("spray-ok");
    expect(await beginSignInAttempt(lucky, from, at(0))).toEqual({ allowed: true });
    await recordSignInSuccess(lucky, from); // the twentieth attempt was right: refunded
    expect(await beginSignInAttempt(email("other"), from, at(0))).toEqual({ allowed: true }); // the real twentieth
    expect(await beginSignInAttempt(email("other"), from, at(1))).toMatchObject({ allowed: false });
    expect(await beginSignInAttempt(email("other"), ip(), at(1))).toEqual({ allowed: true });
  });

  it("forgets failures after an hour, and an account's on success", async () => {
    const account = email("forget");
    await fail(account, ip(), 6, at(0));
    expect(await beginSignInAttempt(account, ip(), at(500))).toMatchObject({ allowed: false });
    expect(await beginSignInAttempt(account, ip(), at(61 * 60_000))).toEqual({ allowed: true });
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { key: `account:${account}` } });
    expect(row.failures).toBe(1);

    const other = email("success");
    await fail(other, ip(), 4, at(0));
    await recordSignInSuccess(other, ip());
    expect(await db.signInThrottle.findUnique({ where: { key: `account:${other}` } })).toBeNull();
    expect(await fail(other, ip(), 5, at(10))).toSatisfy((all: { allowed: boolean }[]) => all.every((o) => o.allowed));
  });

  it("keys accounts case-insensitively, so capitals are not a fresh budget", async () => {
    const account = email("case");
    await fail(account, ip(), 5, at(0));
    expect(await beginSignInAttempt(account.toUpperCase(), ip(), at(10))).toMatchObject({ allowed: false });
  });
});
