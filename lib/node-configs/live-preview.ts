// The builder's live preview: the parameters a run would use and the exact requests it would send, computed
// in the browser by the same functions the server runs (resolveParameters, the integration's planner). Browser-safe.
import { isAppError } from "@/lib/errors/app-error";
import type { JsonValue } from "@/lib/json/json-value";
import type { DynamicFieldSet, RequestPlan } from "@/lib/integrations/types";
import { previewInput, type NodeConfig } from "@/lib/nodes/node-config";
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

export function previewNode(
  config: NodeConfig,
  input: JsonValue | undefined,
  credential: CredentialChoice | undefined,
  allowedOrigins: readonly string[],
  /** Fields loaded for dynamic-fields parameters (a template's config fields): their values are checked too. */
  dynamicFields: Readonly<Record<string, DynamicFieldSet>> = {},
): LivePreview {
  const shown = previewInput(config, input);
  const resolved = resolveParameters(config, shown.input, { includeTestOnly: true, dynamicFields });
  if (!resolved.run) {
    return { resolved, planError: { kind: "invalidConfig", message: "Fix the problems above to see the requests this node will send." } };
  }
  const { integration, operation, parameters } = resolved.run;
  // Without a credential (or with one of another service) the preview plans with the service's defaults.
  const settings = credential?.service === integration.id ? credential.settings : {};
  try {
    const plan = integration.planRequests({
      operation,
      parameters,
      auth: integration.describeAuth(credential?.service === integration.id ? credential.authType : "", settings),
      connection: integration.parseConnection(settings),
      allowedOrigins,
    });
    return { resolved, plan: shown.note ? { ...plan, notes: [shown.note, ...plan.notes] } : plan };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { resolved, planError: { kind: error.kind, message: error.message, ...(error.guidance ? { guidance: error.guidance } : {}) } };
  }
}
