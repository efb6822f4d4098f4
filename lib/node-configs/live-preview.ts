// The builder's live preview: the parameters a run would use and the exact requests it would send, computed
// in the browser by the same functions the server runs (resolveParameters, planRequests). Browser-safe.
import type { AuthDescriptor } from "@/lib/integrations/jumpcloud/auth";
import { isJumpCloudError } from "@/lib/integrations/jumpcloud/errors";
import type { ConnectionSettings, Region } from "@/lib/integrations/jumpcloud/hosts";
import { planRequests, type RequestPlan } from "@/lib/integrations/jumpcloud/plan";
import type { JsonValue } from "@/lib/nodes/json-value";
import type { NodeConfig } from "@/lib/nodes/node-config";
import { resolveParameters, type ResolvedParameters } from "@/lib/nodes/resolve-parameters";

/** What the builder knows about a credential: never a secret, only what the credential list displays. */
export interface CredentialChoice {
  id: string;
  name: string;
  service: string;
  authType: string;
  settings: Record<string, string>;
}

export interface LivePreview {
  resolved: ResolvedParameters;
  plan?: RequestPlan;
  /** Why no request plan is shown (invalid parameters, an auth type the operation refuses, a host not allowed). */
  planError?: { kind: string; message: string; guidance?: string };
}

export function authDescriptorOf(credential: CredentialChoice | undefined): AuthDescriptor {
  const settings = credential?.settings ?? {};
  switch (credential?.authType) {
    case "systemContext":
      return { type: "systemContext", systemId: settings.systemId ?? "" };
    case "serviceAccount":
      return { type: "serviceAccount", ...(settings.clientId ? { clientId: settings.clientId } : {}), ...(settings.orgId ? { orgId: settings.orgId } : {}) };
    default:
      // Without a credential the preview shows the recommended auth type.
      return { type: "apiKey", ...(settings.orgId ? { orgId: settings.orgId } : {}) };
  }
}

export function connectionOf(credential: CredentialChoice | undefined): ConnectionSettings {
  const settings = credential?.settings ?? {};
  return { region: (settings.region as Region | undefined) ?? "us", ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}) };
}

export function previewNode(config: NodeConfig, input: JsonValue | undefined, credential: CredentialChoice | undefined, allowedOrigins: readonly string[]): LivePreview {
  const resolved = resolveParameters(config, input);
  if (!resolved.valid) {
    return { resolved, planError: { kind: "invalidConfig", message: "Fix the problems above to see the requests this node will send." } };
  }
  try {
    const plan = planRequests({
      resource: config.resource,
      operation: config.operation,
      params: resolved.parameters,
      auth: authDescriptorOf(credential),
      connection: connectionOf(credential),
      allowedOrigins,
    });
    return { resolved, plan };
  } catch (error) {
    if (!isJumpCloudError(error)) throw error;
    return { resolved, planError: { kind: error.kind, message: error.message, guidance: error.guidance } };
  }
}
