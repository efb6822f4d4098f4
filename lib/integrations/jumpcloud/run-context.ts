// What a run has to work with, and the two ways every operation talks to JumpCloud: one call, or the pages of a
// list. Operation hooks (policy create, update, …) compose these; the default run of an entry uses them directly.
import type { Issue } from "@/lib/errors/app-error";
import { JumpCloudError } from "./errors";
import type { JumpCloudOperation, Params } from "./operations/define";
import { fetchPages, type Pool } from "./paginate";
import { buildRequest, DEFAULT_PAGE_SIZE, effectiveSort, fanOutValues, planPages, type CallInput, type CallShape } from "./request-builder";
import type { Authorizer, Call, CallResult, Transport } from "./transport";

export interface RunContext {
  transport: Transport;
  authorizer: Authorizer;
  origin: string;
  /** Accept and the credential's default x-org-id, computed once per run. */
  headers: Record<string, string>;
  pool: Pool;
  stats: { requests: number; pages: number };
  /** What the caller must know to read the result right; returned in the run's meta. */
  warnings: Issue[];
  signal: AbortSignal;
  /** Another registry entry, for the lookups a hook makes (a template by name, the current policy). */
  operation(resource: string, operation: string): JumpCloudOperation;
}

export type CallOptions = Partial<Pick<Call, "idempotent" | "acceptOnRetry" | "recover">>;

export function send(ctx: RunContext, op: JumpCloudOperation, input: CallInput, shape: CallShape = {}, options?: CallOptions, signal = ctx.signal): Promise<CallResult> {
  const built = buildRequest(op, input, ctx.origin, ctx.headers, shape);
  return ctx.transport.send({ ...built, notFound: op.notFound, idempotent: op.idempotent ?? op.method !== "POST", ...options }, ctx.authorizer, ctx.stats, signal);
}

function asArray(op: JumpCloudOperation, body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  // v1 lists (GET /api/systems) wrap their records.
  const results = (body as { results?: unknown } | undefined)?.results;
  if (Array.isArray(results)) return results;
  throw new JumpCloudError({ kind: "unexpectedResponse", message: `JumpCloud answered ${op.method} ${op.path} without a list of records.` });
}

/** A list that stopped at a full page: the caller asked for less than there may be. */
function moreRecordsWarning(input: CallInput, fanOut: string | undefined, op: JumpCloudOperation): Issue {
  const where = fanOut && op.fanOut ? ` for ${op.fanOut}=${fanOut}` : "";
  const message =
    input.list.limit === undefined
      ? `Only the first ${DEFAULT_PAGE_SIZE} records${where} were returned (JumpCloud's default page) and that page was full, so more exist or may exist: enable Return All, or set a limit.`
      : `Only the first ${input.list.limit} records${where} were returned (the limit) and the last page was full, so more may exist: enable Return All to read every record.`;
  return { path: "returnAll", severity: "warning", code: "moreRecords", message };
}

/**
 * The records of a list: one request, fixed pages, or every page (several at once), per fan-out value. With
 * `report`, a list that stopped at a full page adds a warning to the run (lookups made for a hook do not).
 */
export async function listRecords(ctx: RunContext, op: JumpCloudOperation, input: CallInput, options: { report?: boolean } = {}): Promise<unknown[]> {
  const plan = planPages(input.list, input.returnAll);
  const sort = effectiveSort(op, input.list, plan);
  const fanOuts = fanOutValues(op, input);
  const lists = await Promise.all(
    fanOuts.map((fanOut) =>
      fetchPages(
        plan,
        async (page, signal) => {
          const result = await send(ctx, op, input, { ...(page ? { page } : {}), ...(fanOut ? { fanOut } : {}), sort }, undefined, signal);
          return asArray(op, result.body);
        },
        ctx.pool,
        ctx.signal,
      ),
    ),
  );
  let items: unknown[] = [];
  lists.forEach((list, index) => {
    ctx.stats.pages += list.pages;
    items = items.length === 0 ? list.items : items.concat(list.items);
    if (options.report && list.lastPageFull) ctx.warnings.push(moreRecordsWarning(input, fanOuts[index], op));
  });
  return items;
}

/** An entry's own run, or the default: the pages of a list, or one call and its answer. */
export async function runOperation(ctx: RunContext, op: JumpCloudOperation, params: Params, input: CallInput): Promise<unknown[]> {
  if (op.run) return op.run(ctx, params, input);
  if (op.paginated) return listRecords(ctx, op, input, { report: true });
  const result = await send(ctx, op, input, {}, { ...(op.acceptOnRetry ? { acceptOnRetry: op.acceptOnRetry(params) } : {}) });
  if (op.result) return op.result(params, input);
  return result.body === undefined ? [] : [result.body];
}
