// What the builder shows after a run: plain data for the browser, never a stack trace or a secret.
import type { ErrorBody, Issue } from "@/lib/errors/app-error";
import { AppError } from "@/lib/errors/app-error";
import type { ExecuteNodeResult } from "@/lib/runs/execute-node";

/** The browser gets at most this many items; the count and the run record say how many there were. */
export const RUN_ITEMS_SHOWN = 5_000;

export type RunOutcome =
  | {
      status: "success";
      runId: string;
      items: unknown[];
      itemCount: number;
      requests: number;
      pages: number;
      durationMs: number;
      /** What to know to read the items right: unknown fields, a list that stopped at a full page. */
      warnings: Issue[];
    }
  | ({ status: "error" } & ErrorBody);

export function toRunOutcome(result: ExecuteNodeResult | AppError): RunOutcome {
  if (result instanceof AppError) return { status: "error", ...result.toBody() };
  return {
    status: "success",
    runId: result.meta.runId,
    items: result.items.slice(0, RUN_ITEMS_SHOWN),
    itemCount: result.items.length,
    requests: result.meta.requests,
    pages: result.meta.pages,
    durationMs: result.meta.durationMs,
    warnings: result.meta.warnings,
  };
}
