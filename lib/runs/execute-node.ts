import "server-only";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/audit-log";
import type { GuardContext } from "@/lib/auth/guard";
import { clientForCredential } from "@/lib/credentials/credential-connection";
import { CredentialError } from "@/lib/credentials/credential-errors";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, type Issue } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JsonValue } from "@/lib/json/json-value";
import type { CredentialReference, NodeConfig } from "@/lib/nodes/node-config";
import { prepareRun } from "./prepare-run";
import { recordRun, type RunStart } from "./run-record";

export interface ExecuteNodeRequest {
  config: NodeConfig;
  input: JsonValue | undefined;
  /** Overrides `config.credential`; the builder picks the credential beside the config. */
  credential?: CredentialReference;
  nodeConfigId?: string;
  nodeName?: string;
  via: "builder" | "api";
  signal?: AbortSignal;
}

export interface ExecuteNodeResult {
  items: unknown[];
  /** `warnings`: what the caller must know to read the items right (resolve-time and run-time), also on the run record. */
  meta: { requests: number; pages: number; durationMs: number; runId: string; warnings: Issue[] };
}

function credentialWhere(reference: CredentialReference | undefined) {
  if (reference === undefined) {
    throw new AppError("credentialRequired", "Choose a credential for this node (by id or name).", { path: "credential" });
  }
  if (typeof reference === "string") return { where: { OR: [{ id: reference }, { name: reference }] }, shown: reference };
  return "id" in reference ? { where: { id: reference.id }, shown: reference.id } : { where: { name: reference.name }, shown: reference.name };
}

const credentialNotFound = (shown: string) =>
  new AppError("credentialNotFound", `No credential "${shown}" exists. Check its id or name in Credentials.`, { path: "credential" });

/** `{ id }`, `{ name }`, or a bare string that is an id or else a name. */
export async function findCredentialId(reference: CredentialReference | undefined): Promise<{ id: string; name: string }> {
  const { where, shown } = credentialWhere(reference);
  const found = await db.credential.findFirst({ where, select: { id: true, name: true } });
  if (!found) throw credentialNotFound(shown);
  return found;
}

/** A credential that cannot be opened, as a run failure naming the credential parameter. */
function credentialFailure(error: CredentialError): AppError {
  return new AppError(error.kind === "cannotDecrypt" ? "cannotDecrypt" : "invalidCredential", error.message, { path: "credential" });
}

/**
 * The one way a node runs, from the builder and the HTTP API alike: merge, render and validate the parameters
 * (before any secret is opened), open the credential, run the operation, and record the run (counts and a
 * bounded sample, never a secret). A failure is recorded too, and thrown with its run's id.
 */
export async function executeNode(request: ExecuteNodeRequest, { user, ip }: GuardContext): Promise<ExecuteNodeResult> {
  const started = performance.now();
  const { config } = request;
  const start: RunStart = {
    via: request.via,
    actor: user,
    nodeConfigId: request.nodeConfigId,
    nodeName: request.nodeName,
    inlineConfig: request.nodeConfigId ? undefined : (config as unknown as Prisma.InputJsonValue),
    service: config.integration_service,
    resource: config.resource,
    operation: config.operation,
  };
  const fail = async (error: AppError): Promise<never> => {
    const runId = await recordRun(start, {
      status: "error",
      durationMs: Math.round(performance.now() - started),
      errorKind: error.kind,
      errorMessage: error.message,
    });
    throw error.withRunId(runId);
  };

  // One call, or one per input item (runPerItem); every item is validated before a secret is opened.
  const prepared = prepareRun(config, request.input, { includeTestOnly: env().TEST_INTEGRATIONS });
  start.warnings = prepared.warnings;
  if (!prepared.ok) return fail(prepared.error);
  const { integration } = prepared;

  // One query finds and opens the credential; it sits on every run's path.
  let opened: Awaited<ReturnType<typeof clientForCredential>>;
  try {
    const { where, shown } = credentialWhere(request.credential ?? config.credential);
    opened = await clientForCredential(where).catch((error: unknown) => {
      throw error instanceof CredentialError && error.kind === "notFound" ? credentialNotFound(shown) : error;
    });
  } catch (error) {
    if (error instanceof CredentialError) return fail(credentialFailure(error));
    if (error instanceof AppError) return fail(error);
    throw error;
  }
  const { client, credential } = opened;
  start.credential = { id: credential.id, name: credential.name };
  if (opened.integration.id !== integration.id) {
    return fail(new AppError("invalidCredential", `The credential "${credential.name}" is for ${opened.integration.label}, not ${integration.label}. Choose a ${integration.label} credential.`, { path: "credential" }));
  }

  // The audit write runs beside the call instead of before it: it adds no latency to the run.
  const audited = recordAuditEvent({
    actor: user,
    action: AUDIT_ACTIONS.credentialUsed,
    target: credential.name,
    metadata: { resource: config.resource, operation: config.operation, via: request.via },
    ip,
  });
  audited.catch(() => {}); // handled where it is awaited below; this only keeps Node from calling it unhandled
  try {
    const result = await prepared.run(client, request.signal);
    await audited;
    const runId = await recordRun(start, {
      status: "success",
      durationMs: Math.round(performance.now() - started),
      requests: result.meta.requests,
      pages: result.meta.pages,
      items: result.items,
      warnings: result.meta.warnings,
    });
    return { items: result.items, meta: { ...result.meta, runId, warnings: [...start.warnings, ...result.meta.warnings] } };
  } catch (error) {
    await audited;
    if (error instanceof AppError) return fail(error);
    throw error;
  }
}
