import "server-only";
import { allowedOrigins } from "@/lib/credentials/outbound-allow-list";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getNodeConfig } from "@/lib/node-configs/node-config-store";
import type { JsonValue } from "@/lib/json/json-value";
import { previewInput, type CredentialReference, type NodeConfig } from "@/lib/nodes/node-config";
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
  const shown = previewInput(node.config, node.input);
  const resolved = resolveParameters(node.config, shown.input, { includeTestOnly: env().TEST_INTEGRATIONS });
  const reference = node.credential ?? node.config.credential;
  const sources = resolved.sources.map(({ path, source, inputKey }) => ({ path, source, ...(inputKey === undefined ? {} : { inputKey }) }));
  const base = { parameters: resolved.parameters, sources, issues: resolved.issues, valid: resolved.valid, requests: [], notes: shown.note ? [shown.note] : [] };
  if (reference === undefined) return { ...base, credential: null };

  const { id } = await findCredentialId(reference);
  const row = await db.credential.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, service: true, authType: true, settings: true } });
  const credential = { id: row.id, name: row.name, authType: row.authType };
  if (!resolved.run || resolved.run.integration.id !== row.service) return { ...base, credential };
  const { integration, operation, parameters } = resolved.run;
  const settings = row.settings as Record<string, string>;
  // A plan the credential cannot make (System Context on a policy operation, a host not allowed) is refused like a run.
  const plan = integration.planRequests({
    operation,
    parameters,
    auth: integration.describeAuth(row.authType, settings),
    connection: integration.parseConnection(settings),
    allowedOrigins: allowedOrigins(),
  });
  return { ...base, credential, requests: plan.requests, notes: [...base.notes, ...plan.notes] };
}
