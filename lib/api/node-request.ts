import "server-only";
import { allowedOrigins } from "@/lib/credentials/outbound-allow-list";
import { db } from "@/lib/db";
import type { AuthDescriptor } from "@/lib/integrations/jumpcloud/auth";
import { getIntegrationService } from "@/lib/integrations/registry";
import { getNodeConfig } from "@/lib/node-configs/node-config-store";
import type { JsonValue } from "@/lib/nodes/json-value";
import type { CredentialReference, NodeConfig } from "@/lib/nodes/node-config";
import { resolveParameters } from "@/lib/nodes/resolve-parameters";
import { findCredentialId } from "@/lib/runs/execute-node";
import type { z } from "zod";
import type { InlineNodeRequest, previewResponseSchema, SavedNodeRequest } from "./api-schemas";

export interface NodeToRun {
  config: NodeConfig;
  input: JsonValue | undefined;
  credential?: CredentialReference;
  nodeConfigId?: string;
  nodeName?: string;
}

/** An inline node as sent, or a saved node with the credential saved beside it (unless the request names another). */
export async function loadNodeRequest(request: InlineNodeRequest | SavedNodeRequest): Promise<NodeToRun> {
  if ("node" in request) return { config: request.node, input: request.input };
  const saved = await getNodeConfig(request.nodeId);
  const credential = request.credential ?? (saved.credential ? { id: saved.credential.id } : undefined);
  return {
    config: saved.config,
    input: request.input,
    ...(credential === undefined ? {} : { credential }),
    nodeConfigId: saved.id,
    nodeName: saved.name,
  };
}

export type NodePreview = z.infer<typeof previewResponseSchema>;

/**
 * What a run would do, without doing it: the resolved parameters and, when they are valid and a credential
 * is given, the planned requests built from the credential's non-secret settings only (no secret is opened).
 */
export async function previewNode(node: NodeToRun): Promise<NodePreview> {
  const resolved = resolveParameters(node.config, node.input);
  const reference = node.credential ?? node.config.credential;
  const sources = resolved.sources.map(({ path, source, inputKey }) => ({ path, source, ...(inputKey === undefined ? {} : { inputKey }) }));
  const base = { parameters: resolved.parameters, sources, issues: resolved.issues, valid: resolved.valid, requests: [], notes: [] };
  if (reference === undefined) return { ...base, credential: null };

  const { id } = await findCredentialId(reference);
  const row = await db.credential.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, service: true, authType: true, settings: true } });
  const credential = { id: row.id, name: row.name, authType: row.authType };
  const service = getIntegrationService(row.service);
  if (!resolved.valid || !service || service.id !== node.config.integration_service) return { ...base, credential };
  const settings = row.settings as Record<string, string>;
  const plan = service.planRequests({
    resource: node.config.resource,
    operation: node.config.operation,
    params: resolved.parameters,
    auth: { ...settings, type: row.authType } as AuthDescriptor,
    connection: service.parseConnection(settings),
    allowedOrigins: allowedOrigins(),
  });
  return { ...base, credential, requests: plan.requests, notes: plan.notes };
}
