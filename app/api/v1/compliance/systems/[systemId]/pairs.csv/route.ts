import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { drillDownCsvQuerySchema, parseQuery } from "@/lib/compliance/compliance-api";
import { drillDownExport } from "@/lib/compliance/drill-down";

export const GET = apiRoute<{ systemId: string }>(API_ENDPOINTS.exportSystemPairs, async (request, { params }) => {
  const query = parseQuery(request, drillDownCsvQuerySchema);
  return drillDownExport({ systemId: params.systemId }, query, request.signal);
});
