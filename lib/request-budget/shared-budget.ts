// A credential's JumpCloud request budget shared by every process: a token bucket kept in one Postgres row
// (RequestBudget), refilled and drawn from in one atomic statement, timed by the database's clock so processes
// on different machines agree. Callers reserve future slots (the bucket goes into debt) and sleep until theirs.
import "server-only";
import type pg from "pg";
import { preparedStatement, sqlPool } from "@/lib/database/sql-pool";
import { env } from "@/lib/env";
import type { RateLimiter } from "@/lib/integrations/types";

export interface Budget {
  requestsPerSecond: number;
  /** Requests that may start at once after a quiet period; default a tenth of a second's worth, at least 1. */
  burst?: number;
}

// Refill, then take `$4` tokens; the row is created full on first use. Returns the balance after the draw.
const RESERVE = `
  INSERT INTO "RequestBudget" ("credentialId", tokens, "refilledAt")
  VALUES ($1, $3::float8 - $4::int, extract(epoch from clock_timestamp()))
  ON CONFLICT ("credentialId") DO UPDATE SET
    tokens = LEAST($3::float8, "RequestBudget".tokens + (extract(epoch from clock_timestamp()) - "RequestBudget"."refilledAt") * $2::float8) - $4::int,
    "refilledAt" = extract(epoch from clock_timestamp())
  RETURNING tokens, "refilledAt" AS at`;

const DRAW_ATTEMPTS = 3;

const GIVE_BACK = `UPDATE "RequestBudget" SET tokens = tokens + $2::int WHERE "credentialId" = $1`;

/** A reserved slot: how long to wait from now, and when it starts on the database's clock (epoch ms). */
interface Slot {
  waitMs: number;
  startsAt: number;
}

interface Waiter {
  resolve: (slot: Slot) => void;
  reject: (error: unknown) => void;
}

/** Waits `ms`, or rejects as soon as `signal` aborts (the client then reports its own cancellation). */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("cancelled while waiting for the request budget"));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error("cancelled while waiting for the request budget"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export class BudgetUnavailableError extends Error {
  override readonly name = "BudgetUnavailableError";
}

/**
 * The RateLimiter the JumpCloud client calls before every request. Takes that arrive while a reservation is in
 * flight are reserved together in the next statement, so a busy process costs one round trip per batch, not per
 * request, and the order of the queue is kept.
 */
export class SharedRequestBudget implements RateLimiter {
  readonly requestsPerSecond: number;
  readonly burst: number;
  private queue: Waiter[] = [];
  private reserving = false;

  constructor(
    readonly credentialId: string,
    budget: Budget,
    private readonly pool: () => pg.Pool = sqlPool,
  ) {
    if (!(budget.requestsPerSecond > 0)) throw new RangeError("requestsPerSecond must be positive");
    this.requestsPerSecond = budget.requestsPerSecond;
    this.burst = Math.max(1, Math.floor(budget.burst ?? budget.requestsPerSecond / 10));
  }

  take(signal?: AbortSignal): Promise<void> {
    return this.acquire(signal).then(() => undefined);
  }

  /** Reserves the next slot and waits for it; resolves to the slot's start on the database's clock (epoch ms). */
  acquire(signal?: AbortSignal): Promise<number> {
    return new Promise<Slot>((resolve, reject) => {
      this.queue.push({ resolve, reject });
      if (!this.reserving) void this.reserve();
    }).then(async ({ waitMs, startsAt }) => {
      if (waitMs > 0) {
        await sleep(waitMs, signal).catch((error: unknown) => {
          // The slot goes back to the bucket; best effort, the caller is cancelling anyway.
          this.pool().query(GIVE_BACK, [this.credentialId, 1]).catch(() => {});
          throw error;
        });
      }
      return startsAt;
    });
  }

/**
   * One reservation of `count` tokens; the balance after it. A pooled connection the server dropped (a restart, a
   * failover) fails only its first query, so the draw is tried again on a fresh connection before giving up.
   */
  private async draw(count: number): Promise<{ after: number; at: number }> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { rows } = await this.pool().query<{ tokens: number; at: number }>(preparedStatement(RESERVE, [this.credentialId, this.requestsPerSecond, this.burst, count]));
        return { after: Number(rows[0]!.tokens), at: Number(rows[0]!.at) * 1000 };
      } catch (error) {
        if (attempt >= DRAW_ATTEMPTS) throw error;
        await sleep(25 * attempt);
      }
    }
  }

  private async reserve(): Promise<void> {
    this.reserving = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        const { after, at } = await this.draw(batch.length);
        // The i-th waiter of the batch drew the token that left `after + (n - 1 - i)` behind it.
        batch.forEach((waiter, index) => {
          const balance = after + (batch.length - 1 - index);
          const waitMs = balance >= 0 ? 0 : (-balance * 1000) / this.requestsPerSecond;
          waiter.resolve({ waitMs, startsAt: at + waitMs });
        });
      } catch (error) {
        const failure = new BudgetUnavailableError(
          `The credential's shared request budget could not be read from the database (${error instanceof Error ? error.message : String(error)}); try again when the database is reachable.`,
        );
        for (const waiter of batch) waiter.reject(failure);
      }
    }
    this.reserving = false;
  }
}

const limiters = new Map<string, SharedRequestBudget>();

/** The budget of a credential in this process: one limiter per credential, so its queue is shared by all runs. */
export function sharedRequestBudget(credentialId: string, budget: Budget = { requestsPerSecond: env().JUMPCLOUD_REQUESTS_PER_SECOND }): SharedRequestBudget {
  const existing = limiters.get(credentialId);
  if (existing && existing.requestsPerSecond === budget.requestsPerSecond && existing.burst === Math.max(1, Math.floor(budget.burst ?? budget.requestsPerSecond / 10))) {
    return existing;
  }
  const limiter = new SharedRequestBudget(credentialId, budget);
  limiters.set(credentialId, limiter);
  return limiter;
}
