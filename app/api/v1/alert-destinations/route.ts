import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { destinationCreateSchema } from "@/lib/alerts/destination-input";
import { createDestination, listDestinations } from "@/lib/alerts/destination-store";

export const GET = apiRoute(API_ENDPOINTS.listAlertDestinations, async () => NextResponse.json(await listDestinations()));

export const POST = apiRoute(API_ENDPOINTS.createAlertDestination, async (request, { user, ip }) => {
  const input = destinationCreateSchema.parse(await readJsonBody(request));
  return NextResponse.json(await createDestination(input, user, ip), { status: 201 });
});
