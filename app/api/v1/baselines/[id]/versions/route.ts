import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { listVersions } from "@/lib/drift/baseline-store";

export const GET = apiRoute<{ id: string }>(API_ENDPOINTS.listBaselineVersions, async (_request, { params }) => NextResponse.json(await listVersions(params.id)));
