import "server-only";
import { db } from "@/lib/db";
import type { Issue } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Runs keep counts and a bounded sample, not whole results: 20 items or 64 KB of JSON, whichever is smaller. */
export const RUN_SAMPLE_ITEMS = 20;
export const RUN_SAMPLE_BYTES = 64 * 1024;

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
    },
    select: { id: true },
  });
  return run.id;
}
