import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { baselineCaptureSchema } from "@/lib/drift/baseline-input";
import { recaptureBaseline } from "@/lib/drift/baseline-store";

export const POST = apiRoute<{ id: string }>(API_ENDPOINTS.captureBaseline, async (request, { params, user, ip }) => {
  const input = baselineCaptureSchema.parse(await readJsonBody(request));
  return NextResponse.json(await recaptureBaseline(params.id, input, user, ip));
});
