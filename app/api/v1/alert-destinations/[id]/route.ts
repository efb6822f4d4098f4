import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { destinationUpdateSchema } from "@/lib/alerts/destination-input";
import { deleteDestination, getDestination, updateDestination } from "@/lib/alerts/destination-store";

export const GET = apiRoute<{ id: string }>(API_ENDPOINTS.getAlertDestination, async (_request, { params }) => NextResponse.json(await getDestination(params.id)));

export const PATCH = apiRoute<{ id: string }>(API_ENDPOINTS.updateAlertDestination, async (request, { params, user, ip }) => {
  const patch = destinationUpdateSchema.parse(await readJsonBody(request));
  return NextResponse.json(await updateDestination(params.id, patch, user, ip));
});

export const DELETE = apiRoute<{ id: string }>(API_ENDPOINTS.deleteAlertDestination, async (_request, { params, user, ip }) =>
  NextResponse.json(await deleteDestination(params.id, user, ip)),
);
