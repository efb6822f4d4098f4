import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { parseQuery, summaryQuerySchema } from "@/lib/compliance/compliance-api";
import { complianceSummary, failingByPolicy } from "@/lib/compliance/compliance-queries";

export const GET = apiRoute(API_ENDPOINTS.complianceSummary, async (request) => {
  const query = parseQuery(request, summaryQuerySchema);
  const [summary, failingPolicies] = await Promise.all([complianceSummary(query), failingByPolicy({ ...query, limit: 20 })]);
  return NextResponse.json({ ...summary, failingPolicies });
});
