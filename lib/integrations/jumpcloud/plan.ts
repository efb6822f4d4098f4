// The request planner for the preview and "copy as curl": the exact requests an operation will send, built by
// the same functions the executor uses, with secrets masked. Pure and browser-safe.
import type { AuthDescriptor, OperationDescription, PlannedRequest, RequestPlan, ValidParameters } from "../types";
import { defaultOrgId, maskedAuthHeaders } from "./auth";
import { resolveEndpoints, type ConnectionSettings } from "./hosts";
import type { JumpCloudOperation, Params } from "./operations/define";
import { assertAuthSupported, requireOperation } from "./operations/index";
import { baseHeaders, buildRequest, callInput, DEFAULT_PAGE_SIZE, effectiveSort, fanOutValues, planPages, type CallInput, type CallShape } from "./request-builder";

export interface PlanContext {
  /** Adds the request of one call, built exactly as the run builds it. */
  add(op: JumpCloudOperation, input: CallInput, purpose: string, shape?: CallShape, extra?: Pick<PlannedRequest, "pagination">): void;
  note(text: string): void;
  operation(resource: string, operation: string): JumpCloudOperation;
}

export interface PlanInput {
  operation: OperationDescription;
  parameters: ValidParameters;
  /** The credential's non-secret descriptor; secrets are never copied into the plan. */
  auth: AuthDescriptor;
  connection: unknown;
  allowedOrigins: readonly string[];
}

/** The requests the default run sends: one call, or the pages of a list for each fan-out value. */
function planDefault(ctx: PlanContext, op: JumpCloudOperation, input: CallInput): void {
  if (!op.paginated) {
    ctx.add(op, input, op.label);
    return;
  }
  const plan = planPages(input.list, input.returnAll);
  const sort = effectiveSort(op, input.list, plan);
  for (const fanOut of fanOutValues(op, input)) {
    const suffix = fanOut ? ` (${fanOut})` : "";
    const shape = { ...(fanOut ? { fanOut } : {}), sort };
    if (plan.kind === "single") ctx.add(op, input, `${op.label}${suffix}`, { ...shape, ...(plan.page ? { page: plan.page } : {}) });
    else if (plan.kind === "fixed") plan.pages.forEach((page, index) => ctx.add(op, input, `${op.label}${suffix}, page ${index + 1} of ${plan.pages.length}`, { ...shape, page }));
    else
      ctx.add(op, input, `${op.label}${suffix}, first page`, { ...shape, page: { skip: plan.startSkip, limit: plan.pageSize } }, {
        pagination: { pageSize: plan.pageSize, until: `a page returns fewer than ${plan.pageSize} records` },
      });
  }
  if (plan.kind === "all") ctx.note(`Return All fetches skip=${plan.startSkip}, ${plan.startSkip + plan.pageSize}, … reading further ahead as pages come back full, until a page is short.`);
  else if (input.list.limit === undefined) {
    ctx.note(`Without Return All or a limit this returns JumpCloud's default page: the first ${DEFAULT_PAGE_SIZE} records. If that page comes back full, the result says more may exist.`);
  }
  if (sort !== input.list.sort) ctx.note("id is added to the sort so records cannot move between pages.");
}

export function planRequests(input: PlanInput): RequestPlan {
  const op = requireOperation(input.operation.resource, input.operation.operation);
  assertAuthSupported(op, input.auth.type);
  const { origin } = resolveEndpoints(input.connection as ConnectionSettings | undefined, input.allowedOrigins);
  return planCall(op, input.parameters as Params, origin, { ...baseHeaders(defaultOrgId(input.auth)), ...maskedAuthHeaders(input.auth) });
}

/** The requests of one operation against a known origin, with the run's headers (auth headers already masked). */
export function planCall(op: JumpCloudOperation, params: Params, origin: string, headers: Record<string, string>): RequestPlan {
  const requests: PlannedRequest[] = [];
  const notes: string[] = [];
  const ctx: PlanContext = {
    add(target, callInputOf, purpose, shape = {}, extra = {}) {
      const built = buildRequest(target, callInputOf, origin, headers, shape);
      // A value only known at run time stays a readable placeholder instead of its URL encoding.
      const url = built.url.replace(/%7B(\w+)%7D/g, "{$1}");
      requests.push({ method: built.method, url, headers: built.headers, ...(built.body === undefined ? {} : { body: built.body }), purpose, ...extra });
    },
    note: (text) => notes.push(text),
    operation: requireOperation,
  };
  const call = callInput(op, params);
  if (op.plan) op.plan(ctx, params, call);
  else planDefault(ctx, op, call);
  return { requests, notes };
}
