import "server-only";
import { env } from "@/lib/env";
import { listIntegrations, requireIntegration } from "./registry";
import type { IntegrationDefinition } from "./types";

/** The services this server offers: every registered one, test-only fixtures only when TEST_INTEGRATIONS is set. */
export function enabledIntegrations(): readonly IntegrationDefinition[] {
  return listIntegrations({ includeTestOnly: env().TEST_INTEGRATIONS });
}

export function requireEnabledIntegration(id: string): IntegrationDefinition {
  return requireIntegration(id, { includeTestOnly: env().TEST_INTEGRATIONS });
}
