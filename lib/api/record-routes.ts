import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { Actor } from "@/lib/audit/audit-log";
import type { ApiEndpoint } from "./api-endpoints";
import { apiRoute } from "./api-route";
import { readJsonBody } from "./read-json-body";

/** A store's functions for one record by id; update and delete record who did it, from where. */
interface RecordStore<Patch> {
  get(id: string): Promise<unknown>;
  update(id: string, patch: Patch, actor: Actor, ip?: string): Promise<unknown>;
  delete(id: string, actor: Actor, ip?: string): Promise<unknown>;
}

/**
 * GET, PATCH and DELETE of `/api/v1/<records>/{id}`, for a route file to export: each endpoint's table entry
 * authorizes its method, and the patch is parsed with the record's update schema before the store sees it.
 */
export function recordRoutes<Patch>(
  endpoints: { get: ApiEndpoint; update: ApiEndpoint; delete: ApiEndpoint },
  patchSchema: z.ZodType<Patch>,
  store: RecordStore<Patch>,
) {
  return {
    GET: apiRoute<{ id: string }>(endpoints.get, async (_request, { params }) => NextResponse.json(await store.get(params.id))),
    PATCH: apiRoute<{ id: string }>(endpoints.update, async (request, { params, user, ip }) => {
      const patch = patchSchema.parse(await readJsonBody(request));
      return NextResponse.json(await store.update(params.id, patch, user, ip));
    }),
    DELETE: apiRoute<{ id: string }>(endpoints.delete, async (_request, { params, user, ip }) => NextResponse.json(await store.delete(params.id, user, ip))),
  };
}
