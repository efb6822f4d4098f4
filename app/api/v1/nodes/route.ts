import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { listNodeConfigs } from "@/lib/node-configs/node-config-store";

export const GET = apiRoute(API_ENDPOINTS.listNodes, async () => NextResponse.json(await listNodeConfigs()));
