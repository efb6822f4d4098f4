import "server-only";
import { listCredentials } from "@/lib/credentials/credential-store";
import { allowedOrigins } from "@/lib/credentials/outbound-allow-list";
import type { CredentialChoice } from "./live-preview";

/** What the builder page hands the browser: the service's credentials (names and non-secret settings only). */
export async function builderSetup(service = "jumpcloud"): Promise<{ credentials: CredentialChoice[]; allowedOrigins: string[] }> {
  const credentials = (await listCredentials())
    .filter((c) => c.service === service)
    .map((c) => ({ id: c.id, name: c.name, service: c.service, authType: c.authType, settings: c.settings }));
  return { credentials, allowedOrigins: allowedOrigins() };
}
