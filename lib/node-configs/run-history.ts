import "server-only";
import { db } from "@/lib/db";
import type { Prisma, RunStatus } from "@/lib/generated/prisma/client";

export const RUNS_PAGE_SIZE = 25;
export const RUN_STATUSES = ["running", "success", "error"] as const satisfies readonly RunStatus[];

export interface RunFilters {
  status?: RunStatus | undefined;
  nodeConfigId?: string | undefined;
  page: number;
}

const LIST_SELECT = {
  id: true,
  nodeConfigId: true,
  nodeName: true,
  nodeConfig: { select: { name: true } },
  via: true,
  actorName: true,
  credentialName: true,
  service: true,
  resource: true,
  operation: true,
  status: true,
  startedAt: true,
  durationMs: true,
  requests: true,
  pages: true,
  itemCount: true,
  errorKind: true,
} satisfies Prisma.RunSelect;

export type RunListEntry = Prisma.RunGetPayload<{ select: typeof LIST_SELECT }>;

/** Newest first, filtered by status and node, one page at a time. */
export async function listRuns(filters: RunFilters) {
  const where: Prisma.RunWhereInput = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.nodeConfigId ? { nodeConfigId: filters.nodeConfigId } : {}),
  };
  const page = Math.max(1, filters.page);
  const [runs, total] = await Promise.all([
    db.run.findMany({
      where,
      select: LIST_SELECT,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * RUNS_PAGE_SIZE,
      take: RUNS_PAGE_SIZE,
    }),
    db.run.count({ where }),
  ]);
  return { runs, total, page, pages: Math.max(1, Math.ceil(total / RUNS_PAGE_SIZE)) };
}

/** A run record as stored: counts, the bounded sample and the error, never a secret (none is ever stored). */
export async function getRun(id: string) {
  return db.run.findUnique({
    where: { id },
    select: {
      ...LIST_SELECT,
      inlineConfig: true,
      errorMessage: true,
      resultSample: true,
      credentialId: true,
      warnings: true,
      credential: { select: { authType: true } },
      config: true,
      input: true,
      inputBytes: true,
      parameters: true,
      requestPlan: true,
    },
  });
}

/** What "Open in builder" loads from a run: the config as run, its input (when it was kept) and its credential. */
export async function runSeed(id: string) {
  const run = await db.run.findUnique({ where: { id }, select: { config: true, inlineConfig: true, input: true, credentialId: true, nodeName: true } });
  const config = run?.config ?? run?.inlineConfig;
  if (!run || !config) return null;
  return { config, input: run.input, credentialId: run.credentialId, nodeName: run.nodeName };
}
