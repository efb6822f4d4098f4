// The policies a monitor form can choose from, listed through the credential with the same call a snapshot uses
// (so the org scope matches), searched and bounded by the integration's picker.
import "server-only";
import { clientForCredential } from "@/lib/credentials/credential-connection";
import { AppError } from "@/lib/errors/app-error";
import type { ResourceOption } from "@/lib/integrations/types";

export async function monitorPolicyOptions(request: { credentialId: string; orgId?: string; search?: string }): Promise<{ options: ResourceOption[]; limited: boolean }> {
  const { client, integration } = await clientForCredential(request.credentialId);
  if (!integration.compliance) throw new AppError("invalid", `${integration.label} has no policy statuses to monitor.`, { path: "credentialId" });
  const { resource, operation, params } = integration.compliance.listPolicies(request.orgId);
  // The call's parameters other than paging carry the org scope.
  const { returnAll: _paging, ...scope } = params;
  return integration.listOptions(client, { locator: { resource, operation }, ...(request.search ? { search: request.search } : {}), scope });
}
