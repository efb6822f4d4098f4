// How the planner talks to JumpCloud: registry operations run through a client (the HTTP API, drift checks) or
// inside a running operation (the sync node), and the exact request each would send. Either way every call goes
// through the transport's retries and the credential's request budget.
import { validParameters } from "../../parameters";
import type { IntegrationClient, PlannedRequest } from "../../types";
import { maskedAuthHeaders } from "../auth";
import type { Params } from "../operations/define";
import { requireOperation } from "../operations/index";
import { planCall } from "../plan";
import { callInput } from "../request-builder";
import { runOperation, type RunContext } from "../run-context";

export interface SyncIO {
  /** Runs a registry operation with raw parameters (validated here); throws the operation's typed error. */
  run(resource: string, operation: string, params: Record<string, unknown>, signal?: AbortSignal): Promise<unknown[]>;
  /** The exact requests that call would send, secrets masked. */
  requests(resource: string, operation: string, params: Record<string, unknown>): PlannedRequest[];
  /** Requests sent so far through this IO (successful calls only when going through a client). */
  sent(): number;
}

export function ioFromClient(client: IntegrationClient): SyncIO {
  let sent = 0;
  return {
    async run(resource, operation, params, signal) {
      const op = requireOperation(resource, operation);
      const result = await client.run(op, validParameters(op, params), signal ? { signal } : {});
      sent += result.meta.requests;
      return result.items;
    },
    requests(resource, operation, params) {
      const op = requireOperation(resource, operation);
      return client.plan(op, validParameters(op, params)).requests;
    },
    sent: () => sent,
  };
}

/** Inside a running operation: the run's own transport, pool, stats and cancellation. */
export function ioFromContext(ctx: RunContext): SyncIO {
  const headers = { ...ctx.headers, ...maskedAuthHeaders({ type: ctx.authorizer.authType }) };
  const validated = (resource: string, operation: string, params: Record<string, unknown>) => {
    const op = ctx.operation(resource, operation);
    return { op, params: validParameters(op, params) as Params };
  };
  return {
    async run(resource, operation, raw) {
      const { op, params } = validated(resource, operation, raw);
      return runOperation(ctx, op, params, callInput(op, params));
    },
    requests(resource, operation, raw) {
      const { op, params } = validated(resource, operation, raw);
      return planCall(op, params, ctx.origin, headers).requests;
    },
    sent: () => ctx.stats.requests,
  };
}

/** Runs `work` over `items`, at most `limit` at a time, in order of the list. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}
