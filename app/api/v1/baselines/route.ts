import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { baselineCreateSchema } from "@/lib/drift/baseline-input";
import { createBaseline, listBaselines } from "@/lib/drift/baseline-store";

export const GET = apiRoute(API_ENDPOINTS.listBaselines, async () => NextResponse.json(await listBaselines()));

export const POST = apiRoute(API_ENDPOINTS.createBaseline, async (request, { user, ip }) => {
  const input = baselineCreateSchema.parse(await readJsonBody(request));
  return NextResponse.json(await createBaseline(input, user, ip), { status: 201 });
});
