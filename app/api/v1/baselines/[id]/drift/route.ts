import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/audit-log";
import { parseQuery } from "@/lib/compliance/compliance-api";
import { driftItemsQuerySchema } from "@/lib/drift/baseline-input";
import { checkNow } from "@/lib/drift/drift-queue";
import { listDrift } from "@/lib/drift/drift-items";

export const GET = apiRoute<{ id: string }>(API_ENDPOINTS.listDrift, async (request, { params }) => {
  const query = parseQuery(request, driftItemsQuerySchema);
  return NextResponse.json(await listDrift(params.id, query));
});

export const POST = apiRoute<{ id: string }>(API_ENDPOINTS.checkDrift, async (_request, { params, user, ip }) => {
  const outcome = await checkNow(params.id, user);
  await recordAuditEvent({ actor: user, action: AUDIT_ACTIONS.driftCheckRequested, target: params.id, metadata: { checkId: outcome.checkId, status: outcome.status ?? null }, ip });
  return NextResponse.json(outcome);
});
