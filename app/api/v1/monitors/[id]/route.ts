import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { recordRoutes } from "@/lib/api/record-routes";
import { monitorUpdateSchema } from "@/lib/compliance/monitor-input";
import { deleteMonitor, getMonitor, updateMonitor } from "@/lib/compliance/monitor-store";

export const { GET, PATCH, DELETE } = recordRoutes(
  { get: API_ENDPOINTS.getMonitor, update: API_ENDPOINTS.updateMonitor, delete: API_ENDPOINTS.deleteMonitor },
  monitorUpdateSchema,
  { get: getMonitor, update: updateMonitor, delete: deleteMonitor },
);
