import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { listCredentials } from "@/lib/credentials/credential-store";

export const GET = apiRoute(API_ENDPOINTS.listCredentials, async () => {
  const credentials = await listCredentials();
  // Named fields only: settings (base URL, org id) and anything added to the summary later stay out.
  return NextResponse.json(
    credentials.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      service: c.service,
      authType: c.authType,
      status: c.lastTestOk === null ? "untested" : c.lastTestOk ? "connected" : "failed",
      lastTestedAt: c.lastTestedAt,
      lastTestMessage: c.lastTestMessage,
    })),
  );
});
