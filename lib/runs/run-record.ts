import "server-only";
import { db } from "@/lib/db";
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
  nodeConfigId?: string;
  nodeName?: string;
  inlineConfig?: Prisma.InputJsonValue;
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

function runWarnings(start: RunStart, end: RunEnd): Prisma.InputJsonValue | undefined {
  const warnings = [...(start.warnings ?? []), ...(end.warnings ?? [])];
  return warnings.length > 0 ? (warnings as unknown as Prisma.InputJsonValue) : undefined;
}

/** The input as stored: whole when it fits RUN_INPUT_BYTES, otherwise only its size. */
function boundedInput(input: unknown): { input?: Prisma.InputJsonValue; inputBytes?: number } {
  if (input === undefined) return {};
  const bytes = Buffer.byteLength(JSON.stringify(input));
  return bytes <= RUN_INPUT_BYTES ? { input: input as Prisma.InputJsonValue, inputBytes: bytes } : { inputBytes: bytes };
}

function boundedPlan(requests: unknown[] | undefined): Prisma.InputJsonValue | undefined {
  if (!requests) return undefined;
  const kept = requests.slice(0, RUN_PLAN_REQUESTS);
  // A policy body can be large: the plan is bounded like the sample.
  return JSON.stringify(kept).length <= RUN_SAMPLE_BYTES ? (kept as Prisma.InputJsonValue) : undefined;
}

export async function recordRun(start: RunStart, end: RunEnd): Promise<string> {
  const run = await db.run.create({
    data: {
      via: start.via,
      actorId: start.actor.id,
      actorName: start.actor.name,
      nodeConfigId: start.nodeConfigId,
      nodeName: start.nodeName,
      inlineConfig: start.inlineConfig,
      credentialId: start.credential?.id,
      credentialName: start.credential?.name,
      service: start.service,
      resource: start.resource,
      operation: start.operation,
      status: end.status,
      durationMs: end.durationMs,
      requests: end.requests ?? 0,
      pages: end.pages ?? 0,
      itemCount: end.items?.length ?? 0,
      errorKind: end.errorKind,
      errorMessage: end.errorMessage,
      resultSample: end.items ? boundedSample(end.items) : undefined,
      warnings: runWarnings(start, end),
      config: start.config,
      ...boundedInput(start.input),
      parameters: start.parameters,
      requestPlan: boundedPlan(start.requestPlan),
    },
    select: { id: true },
  });
  return run.id;
}
