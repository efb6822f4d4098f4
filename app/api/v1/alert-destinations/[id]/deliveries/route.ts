import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { deliveriesQuerySchema } from "@/lib/alerts/alerts-api";
import { listDeliveries } from "@/lib/alerts/delivery-log";
import { parseQuery } from "@/lib/compliance/compliance-api";

export const GET = apiRoute<{ id: string }>(API_ENDPOINTS.listAlertDeliveries, async (request, { params }) => {
  const query = parseQuery(request, deliveriesQuerySchema);
  return NextResponse.json(await listDeliveries({ destinationId: params.id, ...query }));
});
