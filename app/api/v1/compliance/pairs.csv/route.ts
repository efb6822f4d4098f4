import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { csvQuerySchema, parseQuery } from "@/lib/compliance/compliance-api";
import { complianceChange } from "@/lib/compliance/compliance-queries";
import { csvFileName, csvResponse, pairsCsvStream } from "@/lib/compliance/pairs-csv";

export const GET = apiRoute(API_ENDPOINTS.exportCompliancePairs, async (request) => {
  const { state, ...query } = parseQuery(request, csvQuerySchema);
  const snapshotTime = query.at ?? (await complianceChange(query.monitorId ? { monitorId: query.monitorId } : {})).observedAt;
  const what = state?.length === 1 ? `${state[0]}-pairs` : "pairs";
  return csvResponse(pairsCsvStream({ ...query, ...(state ? { states: state } : {}) }, request.signal), csvFileName(what, snapshotTime));
});
