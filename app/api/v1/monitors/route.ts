import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { monitorCreateSchema } from "@/lib/compliance/monitor-input";
import { createMonitor, listMonitors } from "@/lib/compliance/monitor-store";

export const GET = apiRoute(API_ENDPOINTS.listMonitors, async () => NextResponse.json(await listMonitors()));

export const POST = apiRoute(API_ENDPOINTS.createMonitor, async (request, { user, ip }) => {
  const input = monitorCreateSchema.parse(await readJsonBody(request));
  return NextResponse.json(await createMonitor(input, user, ip), { status: 201 });
});
