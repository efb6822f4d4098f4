// A run's record, written on every run's path: raw SQL through `pg` (about 0.2 ms a statement here, against about
// 1.7 ms through Prisma's wasm engine). A run that calls the integration is inserted as `running` before the call and
// finished after it, so a run whose process or database is lost mid-call still shows that it started.
import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditAction } from "@/lib/audit/audit-log";
import { queryAgainOnLostConnection } from "@/lib/database/sql-pool";
import type { Issue } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Runs keep counts and a bounded sample, not whole results: 20 items or 64 KB of JSON, whichever is smaller. */
export const RUN_SAMPLE_ITEMS = 20;
export const RUN_SAMPLE_BYTES = 64 * 1024;

/** Input data is kept with the run up to this size (JSON text); larger input is recorded by size only. */
export const RUN_INPUT_BYTES = 64 * 1024;
/** Planned requests kept with a run: a list read page by page plans one request per series. */
export const RUN_PLAN_REQUESTS = 20;

export function boundedSample(items: unknown[]): Prisma.InputJsonValue {
  const sample: unknown[] = [];
  let bytes = 2;
  for (const item of items.slice(0, RUN_SAMPLE_ITEMS)) {
    const size = JSON.stringify(item ?? null).length + 1;
    if (bytes + size > RUN_SAMPLE_BYTES) break;
    sample.push(item);
    bytes += size;
  }
  return sample as Prisma.InputJsonValue;
}

export interface RunStart {
  via: "builder" | "api";
  /** The integration service (registry id). */
  service: string;
  actor: { id: string; name: string };
  nodeConfigId?: string | undefined;
  nodeName?: string | undefined;
  inlineConfig?: Prisma.InputJsonValue | undefined;
  credential?: { id: string; name: string };
  resource: string;
  operation: string;
  /** Warnings known before the call (from resolving the parameters). */
  warnings?: Issue[];
  /** The config as run, the input data, the resolved parameters and the planned requests (secrets masked). */
  config?: Prisma.InputJsonValue;
  input?: unknown;
  parameters?: Prisma.InputJsonValue;
  requestPlan?: unknown[];
}

export interface RunEnd {
  status: "success" | "error";
  durationMs: number;
  requests?: number;
  pages?: number;
  items?: unknown[];
  errorKind?: string;
  errorMessage?: string;
  /** Warnings the run itself learned (a list cut at a full page). */
  warnings?: Issue[];
}

/** The audit row written in the same statement as the run's first row. */
export interface RunAudit {
  action: AuditAction;
  target: string;
  metadata: Prisma.InputJsonObject;
  ip: string;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** The input as stored: whole when it fits RUN_INPUT_BYTES, otherwise only its size. */
function boundedInput(input: unknown): { input: string | null; inputBytes: number | null } {
  if (input === undefined) return { input: null, inputBytes: null };
  const text = JSON.stringify(input);
  const bytes = Buffer.byteLength(text);
  return { input: bytes <= RUN_INPUT_BYTES ? text : null, inputBytes: bytes };
}

/** Parameters are kept when their JSON fits the sample's bound (a per-item run over thousands may not). */
function boundedJson(value: unknown): string | null {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text.length <= RUN_SAMPLE_BYTES ? text : null;
}

function boundedPlan(requests: unknown[] | undefined): string | null {
  if (!requests) return null;
  const kept = JSON.stringify(requests.slice(0, RUN_PLAN_REQUESTS));
  // A policy body can be large: the plan is bounded like the sample.
  return kept.length <= RUN_SAMPLE_BYTES ? kept : null;
}

function runWarnings(start: RunStart, end?: RunEnd): string | null {
  const warnings = [...(start.warnings ?? []), ...(end?.warnings ?? [])];
  return warnings.length > 0 ? JSON.stringify(warnings) : null;
}

// Both inserts carry ids made here, so a statement repeated on a fresh connection (the first one's outcome unknown)
// cannot write either row twice.
const INSERT_RUN = `
  WITH run AS (
    INSERT INTO "Run" (id, via, "actorId", "actorName", "nodeConfigId", "nodeName", "inlineConfig", "credentialId", "credentialName",
                       service, resource, operation, status, "startedAt", "durationMs", requests, pages, "itemCount", "errorKind",
                       "errorMessage", "resultSample", warnings, config, input, "inputBytes", parameters, "requestPlan")
    VALUES ($1, $2::"RunVia", $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13::"RunStatus", now(), $14, $15, $16, $17, $18, $19,
            $20::jsonb, $21::jsonb, $27::jsonb, $28::jsonb, $29, $30::jsonb, $31::jsonb)
    ON CONFLICT (id) DO NOTHING
  ), audit AS (
    INSERT INTO "AuditEvent" (id, "actorId", "actorName", action, target, outcome, metadata, ip, "createdAt")
    SELECT $22, $3, $4, $23, $24, 'success'::"AuditOutcome", $25::jsonb, $26, now() WHERE $22::text IS NOT NULL
    ON CONFLICT (id) DO NOTHING
  )
  SELECT 1`;

async function insertRun(start: RunStart, end: RunEnd | undefined, audit: RunAudit | undefined): Promise<string> {
  const id = randomUUID();
  const input = boundedInput(start.input);
  await queryAgainOnLostConnection(INSERT_RUN, [
    id,
    start.via,
    start.actor.id,
    start.actor.name,
    start.nodeConfigId ?? null,
    start.nodeName ?? null,
    json(start.inlineConfig),
    start.credential?.id ?? null,
    start.credential?.name ?? null,
    start.service,
    start.resource,
    start.operation,
    end?.status ?? "running",
    end?.durationMs ?? null,
    end?.requests ?? 0,
    end?.pages ?? 0,
    end?.items?.length ?? 0,
    end?.errorKind ?? null,
    end?.errorMessage ?? null,
    end?.items ? JSON.stringify(boundedSample(end.items)) : null,
    runWarnings(start, end),
    audit ? randomUUID() : null,
    audit?.action ?? null,
    audit?.target ?? null,
    audit ? JSON.stringify(audit.metadata) : null,
    audit?.ip ?? null,
    json(start.config),
    input.input,
    input.inputBytes,
    boundedJson(start.parameters),
    boundedPlan(start.requestPlan),
  ]);
  return id;
}

/** A run that ended before any call (refused parameters, a credential that cannot be opened): one finished row. */
export function recordRun(start: RunStart, end: RunEnd): Promise<string> {
  return insertRun(start, end, undefined);
}

/** The row of a run about to call the integration, `running`, with the audit of the credential's use. */
export function startRun(start: RunStart, audit: RunAudit): Promise<string> {
  return insertRun(start, undefined, audit);
}

const FINISH_RUN = `
  UPDATE "Run" SET status = $2::"RunStatus", "durationMs" = $3, requests = $4, pages = $5, "itemCount" = $6, "errorKind" = $7,
                   "errorMessage" = $8, "resultSample" = $9::jsonb, warnings = $10::jsonb
  WHERE id = $1`;

/** Completes a started run; setting the same values twice is harmless, so a dropped connection is retried. */
export async function finishRun(runId: string, start: RunStart, end: RunEnd): Promise<void> {
  await queryAgainOnLostConnection(FINISH_RUN, [
    runId,
    end.status,
    end.durationMs,
    end.requests ?? 0,
    end.pages ?? 0,
    end.items?.length ?? 0,
    end.errorKind ?? null,
    end.errorMessage ?? null,
    end.items ? JSON.stringify(boundedSample(end.items)) : null,
    runWarnings(start, end),
  ]);
}
