import "server-only";
import { clientForCredential } from "@/lib/credentials/credential-connection";
import type { DynamicFieldSet, Locator, ResourceOption } from "@/lib/integrations/types";
import { NodeConfigError } from "./node-config-errors";

export interface ResourceOptionsRequest {
  credentialId: string;
  locator: Locator;
  search?: string | undefined;
  /** The node's scope parameters (JumpCloud's additionalFields.xOrgId), free of templates. */
  scope: Record<string, unknown>;
}

/** Candidates for a resource locator, listed through the credential by its integration, bounded and searched on the server. */
export async function listResourceOptions(request: ResourceOptionsRequest): Promise<{ options: ResourceOption[]; limited: boolean }> {
  const { client, integration } = await clientForCredential(request.credentialId);
  return integration.listOptions(client, { locator: request.locator, ...(request.search ? { search: request.search } : {}), scope: request.scope });
}

/** Fields loaded through the credential for a dynamic-fields parameter (a policy template's config fields). */
export async function loadDynamicFields(credentialId: string, loaderName: string, value: string, scope: Record<string, unknown>): Promise<DynamicFieldSet> {
  const { client, integration } = await clientForCredential(credentialId);
  const loader = integration.loaders[loaderName];
  if (!loader) throw new NodeConfigError("invalid", `${integration.label} has no field loader "${loaderName}".`);
  return loader(client, value, scope);
}
