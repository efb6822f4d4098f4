// Reads the current state of chosen policies through a credential: each policy's details and its associations,
// many policies at once within the credential's shared request budget. Used by capture and by drift checks.
import "server-only";
import { setMaxListeners } from "node:events";
import type { BaselineSupport, PolicyState } from "@/lib/integrations/baseline-contract";
import type { OperationCall } from "@/lib/integrations/compliance-contract";
import { validParameters } from "@/lib/integrations/parameters";
import { requireOperation } from "@/lib/integrations/registry";
import type { IntegrationClient, IntegrationDefinition, RunResult } from "@/lib/integrations/types";

/** Policies read at once; each needs a detail request and one association listing per target kind. */
export const POLICY_CONCURRENCY = 32;

export interface PolicyReadError {
  policyId: string;
  kind: string;
  message: string;
  /** The error itself, for callers that refuse with it (capture). */
  cause?: unknown;
}

export interface PolicyReading {
  /** By policy id: the state, or null when the policy is gone. Policies that could not be read are absent. */
  states: Map<string, PolicyState | null>;
  errors: PolicyReadError[];
  requests: number;
}

export class ReadCancelled extends Error {
  override readonly name = "ReadCancelled";
}

export function errorFacts(error: unknown): { kind: string; message: string } {
  const { kind, message } = (error ?? {}) as { kind?: unknown; message?: unknown };
  return {
    kind: typeof kind === "string" ? kind : "failed",
    message: typeof message === "string" && message !== "" ? message : "The request failed.",
  };
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** One call of the integration's client, validated like any other run. */
export function runCall(integration: IntegrationDefinition, client: IntegrationClient, call: OperationCall, signal?: AbortSignal): Promise<RunResult> {
  const op = requireOperation(integration, call.resource, call.operation);
  return client.run(op, validParameters(op, call.params), signal ? { signal } : {});
}

export async function readPolicies(
  integration: IntegrationDefinition,
  support: BaselineSupport,
  client: IntegrationClient,
  policyIds: readonly string[],
  options: { orgId?: string; signal?: AbortSignal } = {},
): Promise<PolicyReading> {
  const signal = options.signal ?? new AbortController().signal;
  setMaxListeners(POLICY_CONCURRENCY * 2 + 10, signal);
  const states = new Map<string, PolicyState | null>();
  const errors: PolicyReadError[] = [];
  let requests = 0;
  await eachLimited(policyIds, POLICY_CONCURRENCY, async (policyId) => {
    if (signal.aborted) return;
    try {
      const [details, associations] = await Promise.all([
        runCall(integration, client, support.readPolicy(policyId, options.orgId), signal),
        runCall(integration, client, support.readAssociations(policyId, options.orgId), signal),
      ]);
      requests += details.meta.requests + associations.meta.requests;
      const state = support.toState(details.items[0], associations.items);
      if (state) states.set(policyId, state);
      else errors.push({ policyId, kind: "unexpectedResponse", message: "The policy's details could not be read." });
    } catch (error) {
      if (signal.aborted) return;
      const facts = errorFacts(error);
      // Both calls fail alike for a deleted policy; the one that failed first counted no requests here.
      requests += 1;
      if (support.policyGone(facts.kind)) states.set(policyId, null);
      else errors.push({ policyId, ...facts, cause: error });
    }
  });
  if (signal.aborted) throw new ReadCancelled("The read was cancelled.");
  return { states, errors, requests };
}
