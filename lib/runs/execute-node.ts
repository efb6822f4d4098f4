import "server-only";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-log";
import type { GuardContext } from "@/lib/auth/guard";
import { clientForCredential } from "@/lib/credentials/credential-connection";
import { CredentialError } from "@/lib/credentials/credential-errors";
import { allowedOrigins } from "@/lib/credentials/outbound-allow-list";
import { readCredentialSettings, type CredentialLookup } from "@/lib/credentials/credential-store";
import { env } from "@/lib/env";
import { AppError, isAppError, type Issue } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JsonValue } from "@/lib/json/json-value";
import type { IntegrationDefinition, OperationDescription, ValidParameters } from "@/lib/integrations/types";
import type { CredentialReference, NodeConfig } from "@/lib/nodes/node-config";
import { prepareRun } from "./prepare-run";
import { requireOperation } from "@/lib/integrations/registry";
import { finishRun, recordRun, RUN_PLAN_REQUESTS, startRun, type RunStart } from "./run-record";

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

/** The lookup a reference names: `{ id }`, `{ name }`, or a bare string that is an id or else a name. */
function credentialLookup(reference: CredentialReference | undefined): { lookup: CredentialLookup; shown: string } {
  if (reference === undefined) {
    throw new AppError("credentialRequired", "Choose a credential for this node (by id or name).", { path: "credential" });
  }
  if (typeof reference === "string") return { lookup: { idOrName: reference }, shown: reference };
  return "id" in reference ? { lookup: { id: reference.id }, shown: reference.id } : { lookup: { name: reference.name }, shown: reference.name };
}

const credentialNotFound = (shown: string) =>
  new AppError("credentialNotFound", `No credential "${shown}" exists. Check its id or name in Credentials.`, { path: "credential" });

/** The credential a reference names, with its non-secret settings: `{ id }`, `{ name }`, or an id or else a name. */
export async function findCredential(reference: CredentialReference | undefined): Promise<{ id: string; name: string; service: string; authType: string; settings: Record<string, string> }> {
  const { lookup, shown } = credentialLookup(reference);
  const found = await readCredentialSettings(lookup);
  if (!found) throw credentialNotFound(shown);
  return found;
}

/** `{ id }`, `{ name }`, or a bare string that is an id or else a name. */
export async function findCredentialId(reference: CredentialReference | undefined): Promise<{ id: string; name: string }> {
  const { id, name } = await findCredential(reference);
  return { id, name };
}

/** A credential that cannot be opened, as a run failure naming the credential parameter. */
function credentialFailure(error: CredentialError): AppError {
  return new AppError(error.kind === "cannotDecrypt" ? "cannotDecrypt" : "invalidCredential", error.message, { path: "credential" });
}

/** The requests the run sends, as the preview plans them (secrets masked); a call whose plan the client refuses is left out. */
function plannedRequests(
  integration: IntegrationDefinition,
  calls: ReadonlyArray<{ operation: OperationDescription; parameters: ValidParameters }>,
  credential: { authType: string; settings: Record<string, string> },
): unknown[] {
  const auth = integration.describeAuth(credential.authType, credential.settings);
  const connection = integration.parseConnection(credential.settings);
  // A per-item run plans the same request shape many times: the record keeps the first calls' plans.
  return calls.slice(0, RUN_PLAN_REQUESTS).flatMap(({ operation, parameters }) => {
    try {
      return integration.planRequests({ operation, parameters, auth, connection, allowedOrigins: allowedOrigins() }).requests;
    } catch (error) {
      if (error instanceof AppError) return []; // the run itself reports the refusal
      throw error;
    }
  });
}

/**
 * The one way a node runs, from the builder and the HTTP API alike: merge, render and validate the parameters
 * (before any secret is opened), open the credential, run the operation, and record the run (counts and a
 * bounded sample, never a secret). A failure is recorded too, and thrown with its run's id.
 */
export async function executeNode(request: ExecuteNodeRequest, { user, ip }: GuardContext): Promise<ExecuteNodeResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const { config } = request;
  const start: RunStart & { warnings: Issue[] } = {
    via: request.via,
    actor: user,
    nodeConfigId: request.nodeConfigId,
    nodeName: request.nodeName,
    inlineConfig: request.nodeConfigId ? undefined : (config as unknown as Prisma.InputJsonValue),
    service: config.integration_service,
    resource: config.resource,
    operation: config.operation,
    config: config as unknown as Prisma.InputJsonValue,
    input: request.input,
    warnings: [],
  };
  const fail = async (error: AppError): Promise<never> => {
    const runId = await recordRun(start, {
      status: "error",
      durationMs: elapsed(),
      errorKind: error.kind,
      errorMessage: error.message,
    });
    throw error.withRunId(runId);
  };

  // One call, or one per input item (runPerItem); every item is validated before a secret is opened.
  const prepared = prepareRun(config, request.input, { includeTestOnly: env().TEST_INTEGRATIONS });
  start.warnings = prepared.warnings;
  if (!prepared.ok) return fail(prepared.error);
  const { integration, calls } = prepared;
  start.parameters = prepared.parameters as Prisma.InputJsonValue;

  // One query finds and opens the credential; it sits on every run's path.
  let opened: Awaited<ReturnType<typeof clientForCredential>>;
  try {
    const { lookup, shown } = credentialLookup(request.credential ?? config.credential);
    opened = await clientForCredential(lookup).catch((error: unknown) => {
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
  start.requestPlan = plannedRequests(integration, calls, credential);

  // Recorded before the call (with the audit of the credential's use, in the same statement): a run whose database
  // or process is lost mid-call still shows that it started. A database that is down here stops the run before
  // anything is sent, so "try again" is then the right answer. The first request's budget slot is drawn meanwhile
  // (a refused draw is reported by the call that takes it).
  const [runId] = await Promise.all([
    startRun(start, { action: AUDIT_ACTIONS.credentialUsed, target: credential.name, metadata: { resource: config.resource, operation: config.operation, via: request.via }, ip }),
    opened.budget.drawAhead(request.signal).catch(() => {}),
  ]);
  let result: Awaited<ReturnType<typeof prepared.run>>;
  try {
    result = await prepared.run(client, request.signal);
  } catch (error) {
    const failure = outcomeOf(error, integration, calls[0]?.operation ?? requireOperation(integration, config.resource, config.operation));
    await finishRun(runId, start, { status: "error", durationMs: elapsed(), errorKind: failure.kind, errorMessage: failure.message }).catch((lost: unknown) =>
      console.error(`[run ${runId}] could not record the failure: ${describeLoss(lost)}`),
    );
    throw failure.withRunId(runId);
  }
  const warnings = [...start.warnings, ...result.meta.warnings];
  try {
    await finishRun(runId, start, { status: "success", durationMs: elapsed(), requests: result.meta.requests, pages: result.meta.pages, items: result.items, warnings: result.meta.warnings });
  } catch (lost) {
    // The call happened and its result is here: the caller gets it, and learns that the record is incomplete.
    console.error(`[run ${runId}] could not record the success: ${describeLoss(lost)}`);
    warnings.push({
      path: "",
      severity: "warning",
      code: "runNotRecorded",
      message: `${integration.label} carried out the ${config.resource} ${config.operation}, but the database became unavailable before run ${runId} was completed; the run list may show it as running.`,
    });
  }
  return { items: result.items, meta: { ...result.meta, runId, warnings } };
}

/**
 * A failed call as the caller should read it. A write whose failure leaves open whether it reached the service (no
 * answer, a gateway error, a lost connection, a cancellation) must not read "try again": repeating it could do it twice.
 */
function outcomeOf(error: unknown, integration: IntegrationDefinition, operation: OperationDescription): AppError {
  const failure = isAppError(error) ? error : new AppError("internal", "The run failed on the server before an answer came back.", { cause: error });
  const unknown = operation.writes && (failure.status >= 500 || failure.kind === "cancelled" || failure.kind === "requestAborted");
  if (!unknown) return failure;
  const what = `${operation.resource} ${operation.operation}`;
  return new AppError(failure.kind, `${failure.message} The ${what} may have happened at ${integration.label} before this failure: check before retrying.`, {
    status: failure.status,
    guidance: `Whether the ${what} happened is not known. Look for its effect in ${integration.label} (list or get what it changes) before running it again, or it may happen twice.`,
    ...(failure.path === undefined ? {} : { path: failure.path }),
    ...(failure.upstreamStatus === undefined ? {} : { upstreamStatus: failure.upstreamStatus }),
  });
}

function describeLoss(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error);
}
