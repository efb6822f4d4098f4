import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { recordRoutes } from "@/lib/api/record-routes";
import { destinationUpdateSchema } from "@/lib/alerts/destination-input";
import { deleteDestination, getDestination, updateDestination } from "@/lib/alerts/destination-store";

export const { GET, PATCH, DELETE } = recordRoutes(
  { get: API_ENDPOINTS.getAlertDestination, update: API_ENDPOINTS.updateAlertDestination, delete: API_ENDPOINTS.deleteAlertDestination },
  destinationUpdateSchema,
  { get: getDestination, update: updateDestination, delete: deleteDestination },
);
