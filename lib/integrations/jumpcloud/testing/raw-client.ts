// For the client's own tests and benchmarks: run an operation by name with raw parameters, validated by the same
// pass a node run uses (validateParameters) before the client sees them.
import { validParameters } from "../../parameters";
import type { IntegrationClient, RunResult } from "../../types";
import { requireOperation } from "../operations/index";

export interface RawClient extends Omit<IntegrationClient, "run"> {
  run(resource: string, operation: string, params: unknown, options?: { signal?: AbortSignal }): Promise<RunResult>;
}

export function withRawParameters(client: IntegrationClient): RawClient {
  return {
    testConnection: (options) => client.testConnection(options),
    plan: (operation, parameters) => client.plan(operation, parameters),
    async run(resource, operation, params, options) {
      const op = requireOperation(resource, operation);
      return client.run(op, validParameters(op, params), options);
    },
  };
}
