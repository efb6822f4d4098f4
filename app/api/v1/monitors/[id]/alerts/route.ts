import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { deliveriesQuerySchema } from "@/lib/alerts/alerts-api";
import { listDeliveries } from "@/lib/alerts/delivery-log";
import { parseQuery } from "@/lib/compliance/compliance-api";
import { getMonitor } from "@/lib/compliance/monitor-store";

export const GET = apiRoute<{ id: string }>(API_ENDPOINTS.listMonitorAlerts, async (request, { params }) => {
  const query = parseQuery(request, deliveriesQuerySchema);
  await getMonitor(params.id);
  return NextResponse.json(await listDeliveries({ source: { type: "monitor", id: params.id }, ...query }));
});
