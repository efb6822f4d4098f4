import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { driftActionSchema } from "@/lib/drift/drift-api";
import { acceptDrift, planRevert, revertDrift } from "@/lib/drift/drift-items";

export const POST = apiRoute<{ id: string; itemId: string }>(API_ENDPOINTS.resolveDrift, async (request, { params, user, ip }) => {
  const { action, confirm } = driftActionSchema.parse(await readJsonBody(request));
  if (action === "accept") return NextResponse.json(await acceptDrift(params.id, params.itemId, user, ip));
  // A revert changes the service: without confirm it only shows what it would send.
  if (!confirm) return NextResponse.json(await planRevert(params.id, params.itemId));
  return NextResponse.json(await revertDrift(params.id, params.itemId, user, ip));
});
