import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { applyAssociationsFor, associationApplyRequestSchema } from "@/lib/sync/association-api";

export const POST = apiRoute(API_ENDPOINTS.applyAssociations, async (request, caller) => {
  const input = associationApplyRequestSchema.parse(await readJsonBody(request));
  // The caller going away cancels the changes not yet sent; applying again finishes them.
  return NextResponse.json(await applyAssociationsFor(input, caller, request.signal));
});
