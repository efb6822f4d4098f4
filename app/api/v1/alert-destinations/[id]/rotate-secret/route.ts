import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { rotateSecretSchema } from "@/lib/alerts/destination-input";
import { rotateDestinationSecret } from "@/lib/alerts/destination-store";

export const POST = apiRoute<{ id: string }>(API_ENDPOINTS.rotateAlertDestinationSecret, async (request, { params, user, ip }) => {
  // The body is optional: no body rotates with the default overlap.
  const raw = request.headers.get("content-type") ? await readJsonBody(request) : {};
  const { overlapHours } = rotateSecretSchema.parse(raw);
  return NextResponse.json(await rotateDestinationSecret(params.id, overlapHours, user, ip));
});
