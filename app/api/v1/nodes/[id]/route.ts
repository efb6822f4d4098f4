import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { getNodeConfig } from "@/lib/node-configs/node-config-store";

export const GET = apiRoute<{ id: string }>(API_ENDPOINTS.getNode, async (_request, { params }) => NextResponse.json(await getNodeConfig(params.id)));
