import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { csvQuerySchema, parseQuery } from "@/lib/compliance/compliance-api";
import { pairsCsvStream } from "@/lib/compliance/pairs-csv";

export const GET = apiRoute(API_ENDPOINTS.exportCompliancePairs, async (request) => {
  const { state, ...query } = parseQuery(request, csvQuerySchema);
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-");
  return new Response(pairsCsvStream({ ...query, ...(state ? { states: state } : {}) }, request.signal), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="compliance-pairs-${stamp}.csv"`, "Cache-Control": "no-store" },
  });
});
