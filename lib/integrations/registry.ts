// Integration services by id: the only place that imports an integration's folder. Adding a service is one line
// here and a sibling folder that exports an IntegrationDefinition (see types.ts). Browser-safe.
import { AppError } from "@/lib/errors/app-error";
import { example } from "./example";
import { jumpcloud } from "./jumpcloud";
import { adviceFor } from "./errors";
import type { IntegrationDefinition, OperationDescription } from "./types";

const integrations: readonly IntegrationDefinition[] = [jumpcloud, example];

export function getIntegration(id: string): IntegrationDefinition | undefined {
  return integrations.find((integration) => integration.id === id);
}

/** The services users may choose; test-only fixtures join them only where the server's configuration enables them. */
export function listIntegrations(options: { includeTestOnly: boolean }): readonly IntegrationDefinition[] {
  return integrations.filter((integration) => !integration.testOnly || options.includeTestOnly);
}

export function requireIntegration(id: string, options: { includeTestOnly: boolean }): IntegrationDefinition {
  const found = getIntegration(id);
  if (found && (!found.testOnly || options.includeTestOnly)) return found;
  throw new AppError("invalid", `integration_service "${id}" is not supported; use ${listIntegrations(options).map((i) => i.id).join(", ")}.`, {
    path: "integration_service",
  });
}

export function findOperation(integration: IntegrationDefinition, resource: string, operation: string): OperationDescription | undefined {
  return integration.operations.find((op) => op.resource === resource && op.operation === operation);
}

/** The operation, or a refusal that names the resources or operations there are. */
export function requireOperation(integration: IntegrationDefinition, resource: string, operation: string): OperationDescription {
  const found = findOperation(integration, resource, operation);
  if (found) return found;
  const known = integration.operations.filter((op) => op.resource === resource).map((op) => op.operation);
  if (known.length > 0) {
    throw new AppError("invalid", `Unknown operation "${operation}" for resource "${resource}": use one of ${known.join(", ")}.`, { path: "operation" });
  }
  throw new AppError("invalid", `Unknown resource "${resource}" for ${integration.label}: use one of ${integration.resources.map((r) => r.id).join(", ")}.`, {
    path: "resource",
  });
}

/** The labels of a resource and operation; the ids as they are for a service or operation no longer known. */
export function operationLabels(serviceId: string, resource: string, operation: string): { resource: string; operation: string } {
  const integration = getIntegration(serviceId);
  const op = integration ? findOperation(integration, resource, operation) : undefined;
  return { resource: integration?.resources.find((r) => r.id === resource)?.label ?? resource, operation: op?.label ?? operation };
}

/** "Policy · List", for lists and headings. */
export function operationTitle(serviceId: string, resource: string, operation: string): string {
  const labels = operationLabels(serviceId, resource, operation);
  return `${labels.resource} · ${labels.operation}`;
}

/** What to do about a failure of this kind (for this credential type), in the service's words (undefined for the app's own kinds). */
export function errorAdvice(serviceId: string, kind: string, authType?: string): string | undefined {
  const kinds = getIntegration(serviceId)?.errorKinds;
  return kinds && Object.hasOwn(kinds, kind) ? adviceFor(kinds[kind]!, authType) : undefined;
}
