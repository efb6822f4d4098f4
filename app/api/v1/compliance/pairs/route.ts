import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { pairsQuerySchema, parseQuery } from "@/lib/compliance/compliance-api";
import { listPairs } from "@/lib/compliance/compliance-queries";

export const GET = apiRoute(API_ENDPOINTS.listCompliancePairs, async (request) => {
  const { state, ...query } = parseQuery(request, pairsQuerySchema);
  return NextResponse.json(await listPairs({ ...query, ...(state ? { states: state } : {}) }));
});
