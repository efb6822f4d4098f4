import "server-only";
import { hasRole, type Role } from "@/lib/auth/roles";
import { listCredentials } from "@/lib/credentials/credential-store";
import { allowedOrigins } from "@/lib/credentials/outbound-allow-list";
import { enabledIntegrations } from "@/lib/integrations/enabled";
import type { CredentialChoice } from "./live-preview";

export interface BuilderSetup {
  /** The integration services this server offers, by id (the builder reads their definitions from the registry). */
  services: string[];
  credentials: CredentialChoice[];
  allowedOrigins: string[];
}

/**
 * What the builder page hands the browser. Editors get each credential's non-secret settings (region, base URL,
 * org id) for the request preview; viewers get id, name and auth type only.
 */
export async function builderSetup(role: Role): Promise<BuilderSetup> {
  const services = enabledIntegrations().map((integration) => integration.id);
  const editor = hasRole(role, "editor");
  const credentials = (await listCredentials())
    .filter((c) => services.includes(c.service))
    .map((c) => ({ id: c.id, name: c.name, service: c.service, authType: c.authType, settings: editor ? c.settings : {} }));
  return { services, credentials, allowedOrigins: editor ? allowedOrigins() : [] };
}
