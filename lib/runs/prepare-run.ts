// What a node run will do once its credential is open: one call with the parameters resolved against the whole
// input, or (runPerItem, input an array) one call per item, each resolved against its item, with bounded concurrency
// and n8n's "continue on error". Every item is validated before anything is sent.
import { AppError, isAppError, type ErrorBody, type Issue } from "@/lib/errors/app-error";
import { summarizeIssues } from "@/lib/errors/zod-issues";
import type { IntegrationClient, IntegrationDefinition, RunResult } from "@/lib/integrations/types";
import type { JsonValue } from "@/lib/json/json-value";
import { perItemSettings, type NodeConfig } from "@/lib/nodes/node-config";
import { resolveParameters, type ResolvedParameters } from "@/lib/nodes/resolve-parameters";

/** One input item's outcome in a per-item run: `items[i]` of the result is item i's. */
export type ItemResult = { index: number; status: "success"; output: unknown[] } | { index: number; status: "error"; error: ErrorBody };

export type PreparedRun =
  | { ok: false; error: AppError; warnings: Issue[] }
  | { ok: true; integration: IntegrationDefinition; warnings: Issue[]; run(client: IntegrationClient, signal?: AbortSignal): Promise<RunResult> };

const warningsOf = (resolved: ResolvedParameters) => resolved.issues.filter((issue) => issue.severity === "warning");

function invalidConfig(resolved: ResolvedParameters, prefix = ""): AppError {
  const first = resolved.issues.find((issue) => issue.severity === "error");
  return new AppError("invalidConfig", prefix + summarizeIssues(resolved.issues, "Invalid node config."), { issues: resolved.issues, ...(first?.path ? { path: first.path } : {}) });
}

const itemLabel = (index: number, count: number) => `Item ${index + 1} of ${count}: `;

/** Runs `work` over `count` indexes, at most `limit` at a time, launching none after `stopped()`. */
async function eachIndex(count: number, limit: number, stopped: () => boolean, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(limit, count)) }, async () => {
      while (next < count && !stopped()) await work(next++);
    }),
  );
}

export function prepareRun(config: NodeConfig, input: JsonValue | undefined, options: { includeTestOnly: boolean }): PreparedRun {
  const perItem = perItemSettings(config);
  if (!perItem || !Array.isArray(input)) {
    const resolved = resolveParameters(config, input, options);
    if (!resolved.run) return { ok: false, error: invalidConfig(resolved), warnings: warningsOf(resolved) };
    const { integration, operation, parameters } = resolved.run;
    return { ok: true, integration, warnings: warningsOf(resolved), run: (client, signal) => client.run(operation, parameters, signal ? { signal } : {}) };
  }

  const count = input.length;
  const resolvedItems = input.map((item) => resolveParameters(config, item, options));
  const warnings = resolvedItems.flatMap((resolved, index) => warningsOf(resolved).map((w) => ({ ...w, message: itemLabel(index, count) + w.message })));
  const firstInvalid = resolvedItems.findIndex((resolved) => !resolved.run);
  // Without continue-on-error nothing is sent while any item is invalid; a config that names no operation fails whole.
  const located = resolvedItems.find((resolved) => resolved.run)?.run ?? resolveParameters(config, undefined, options).run;
  if (firstInvalid >= 0 && (!perItem.continueOnError || !located)) {
    return { ok: false, error: invalidConfig(resolvedItems[firstInvalid]!, itemLabel(firstInvalid, count)), warnings };
  }
  const integration = located?.integration ?? resolveParameters(config, input[0], options).run?.integration;
  if (!integration) return { ok: false, error: new AppError("invalidConfig", "The node config names no runnable operation."), warnings };

  return {
    ok: true,
    integration,
    warnings,
    async run(client, signal) {
      const started = performance.now();
      const results: ItemResult[] = new Array(count);
      const meta = { requests: 0, pages: 0, warnings: [] as Issue[] };
      let stop: { index: number; error: AppError } | undefined;
      await eachIndex(count, perItem.concurrency, () => stop !== undefined || signal?.aborted === true, async (index) => {
        const resolved = resolvedItems[index]!;
        if (!resolved.run) {
          results[index] = { index, status: "error", error: invalidConfig(resolved).toBody() };
          return;
        }
        try {
          const result = await client.run(resolved.run.operation, resolved.run.parameters, signal ? { signal } : {});
          results[index] = { index, status: "success", output: result.items };
          meta.requests += result.meta.requests;
          meta.pages += result.meta.pages;
          meta.warnings.push(...result.meta.warnings.map((w) => ({ ...w, message: itemLabel(index, count) + w.message })));
        } catch (error) {
          if (!isAppError(error)) throw error;
          results[index] = { index, status: "error", error: error.toBody() };
          if (!perItem.continueOnError) stop ??= { index, error };
        }
      });
      if (stop) {
        const { error, index } = stop;
        throw new AppError(error.kind, itemLabel(index, count) + error.message, {
          status: error.status,
          ...(error.path ? { path: error.path } : {}),
          ...(error.guidance ? { guidance: error.guidance } : {}),
          ...(error.upstreamStatus === undefined ? {} : { upstreamStatus: error.upstreamStatus }),
        });
      }
      if (signal?.aborted) throw new AppError("requestAborted", "The run was cancelled before every item ran.");
      const failed = results.filter((r) => r.status === "error").length;
      if (failed > 0) meta.warnings.push({ path: "runPerItem", severity: "warning", code: "itemsFailed", message: `${failed} of ${count} items failed; each one's error is in its result.` });
      return { items: results, meta: { ...meta, durationMs: Math.round(performance.now() - started) } };
    },
  };
}
