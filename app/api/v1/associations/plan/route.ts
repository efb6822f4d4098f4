import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { associationPlanRequestSchema, planAssociationsFor } from "@/lib/sync/association-api";

export const POST = apiRoute(API_ENDPOINTS.planAssociations, async (request, caller) => {
  const input = associationPlanRequestSchema.parse(await readJsonBody(request));
  return NextResponse.json(await planAssociationsFor(input, caller, request.signal));
});
