import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { sendTestAlert } from "@/lib/alerts/destination-store";

export const POST = apiRoute<{ id: string }>(API_ENDPOINTS.sendTestAlert, async (_request, { params, user, ip }) =>
  NextResponse.json(await sendTestAlert(params.id, user, ip), { status: 202 }),
);
