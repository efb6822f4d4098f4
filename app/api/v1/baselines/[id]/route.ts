import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { baselineUpdateSchema } from "@/lib/drift/baseline-input";
import { deleteBaseline, getBaseline, updateBaseline } from "@/lib/drift/baseline-store";

export const GET = apiRoute<{ id: string }>(API_ENDPOINTS.getBaseline, async (_request, { params }) => NextResponse.json(await getBaseline(params.id)));

export const PATCH = apiRoute<{ id: string }>(API_ENDPOINTS.updateBaseline, async (request, { params, user, ip }) => {
  const patch = baselineUpdateSchema.parse(await readJsonBody(request));
  return NextResponse.json(await updateBaseline(params.id, patch, user, ip));
});

export const DELETE = apiRoute<{ id: string }>(API_ENDPOINTS.deleteBaseline, async (_request, { params, user, ip }) =>
  NextResponse.json(await deleteBaseline(params.id, user, ip)),
);
