import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { parseNodeRequest } from "@/lib/api/api-schemas";
import { loadNodeRequest, previewNode } from "@/lib/api/node-request";
import { readJsonBody } from "@/lib/api/read-json-body";

export const POST = apiRoute(API_ENDPOINTS.previewNode, async (request) => {
  const node = await loadNodeRequest(parseNodeRequest(await readJsonBody(request)));
  return NextResponse.json(await previewNode(node));
});
