// What the builder shows after a run: plain data for the browser, never a stack trace or a secret.
import type { NodeIssue } from "@/lib/nodes/json-value";
import type { ExecuteNodeResult } from "@/lib/runs/execute-node";
import { NodeRunError } from "@/lib/runs/run-errors";

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
    }
  | {
      status: "error";
      runId?: string;
      kind: string;
      message: string;
      guidance?: string;
      issues?: NodeIssue[];
      httpStatus?: number;
      path?: string;
    };

export function toRunOutcome(result: ExecuteNodeResult | NodeRunError): RunOutcome {
  if (result instanceof NodeRunError) {
    const { issues, guidance, status, path, runId } = result.details;
    return {
      status: "error",
      kind: result.kind,
      message: result.message,
      ...(runId ? { runId } : {}),
      ...(guidance ? { guidance } : {}),
      ...(issues ? { issues } : {}),
      ...(status === undefined ? {} : { httpStatus: status }),
      ...(path ? { path } : {}),
    };
  }
  return {
    status: "success",
    runId: result.meta.runId,
    items: result.items.slice(0, RUN_ITEMS_SHOWN),
    itemCount: result.items.length,
    requests: result.meta.requests,
    pages: result.meta.pages,
    durationMs: result.meta.durationMs,
  };
}
