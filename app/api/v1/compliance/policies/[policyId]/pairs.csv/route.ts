import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { drillDownCsvQuerySchema, parseQuery } from "@/lib/compliance/compliance-api";
import { drillDownExport } from "@/lib/compliance/drill-down";

export const GET = apiRoute<{ policyId: string }>(API_ENDPOINTS.exportPolicyPairs, async (request, { params }) => {
  const query = parseQuery(request, drillDownCsvQuerySchema);
  return drillDownExport({ policyId: params.policyId }, query, request.signal);
});
