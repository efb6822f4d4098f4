import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { parseQuery, snapshotsQuerySchema } from "@/lib/compliance/compliance-api";
import { listSnapshots } from "@/lib/compliance/monitor-store";

export const GET = apiRoute<{ id: string }>(API_ENDPOINTS.listSnapshots, async (request, { params }) => {
  const query = parseQuery(request, snapshotsQuerySchema);
  return NextResponse.json(await listSnapshots(params.id, query));
});
