import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { testSavedCredential } from "@/lib/credentials/credential-connection";

export const POST = apiRoute<{ id: string }>(API_ENDPOINTS.testCredential, async (request, { params, ...caller }) =>
  NextResponse.json(await testSavedCredential(params.id, caller, request.signal)),
);
