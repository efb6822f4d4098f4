import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { monitorUpdateSchema } from "@/lib/compliance/monitor-input";
import { deleteMonitor, getMonitor, updateMonitor } from "@/lib/compliance/monitor-store";

export const GET = apiRoute<{ id: string }>(API_ENDPOINTS.getMonitor, async (_request, { params }) => NextResponse.json(await getMonitor(params.id)));

export const PATCH = apiRoute<{ id: string }>(API_ENDPOINTS.updateMonitor, async (request, { params, user, ip }) => {
  const patch = monitorUpdateSchema.parse(await readJsonBody(request));
  return NextResponse.json(await updateMonitor(params.id, patch, user, ip));
});

export const DELETE = apiRoute<{ id: string }>(API_ENDPOINTS.deleteMonitor, async (_request, { params, user, ip }) =>
  NextResponse.json(await deleteMonitor(params.id, user, ip)),
);
