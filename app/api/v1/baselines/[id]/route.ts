import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { recordRoutes } from "@/lib/api/record-routes";
import { baselineUpdateSchema } from "@/lib/drift/baseline-input";
import { deleteBaseline, getBaseline, updateBaseline } from "@/lib/drift/baseline-store";

export const { GET, PATCH, DELETE } = recordRoutes(
  { get: API_ENDPOINTS.getBaseline, update: API_ENDPOINTS.updateBaseline, delete: API_ENDPOINTS.deleteBaseline },
  baselineUpdateSchema,
  { get: getBaseline, update: updateBaseline, delete: deleteBaseline },
);
