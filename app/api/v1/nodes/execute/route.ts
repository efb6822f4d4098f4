import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { parseNodeRequest } from "@/lib/api/api-schemas";
import { loadNodeRequest } from "@/lib/api/node-request";
import { readJsonBody } from "@/lib/api/read-json-body";
import { executeNode } from "@/lib/runs/execute-node";

export const POST = apiRoute(API_ENDPOINTS.executeNode, async (request, caller) => {
  const node = await loadNodeRequest(parseNodeRequest(await readJsonBody(request)));
  // The client going away cancels the JumpCloud calls too.
  const result = await executeNode({ ...node, via: "api", signal: request.signal }, caller);
  return NextResponse.json(result);
});
