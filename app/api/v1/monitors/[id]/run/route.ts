import { NextResponse } from "next/server";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { apiRoute } from "@/lib/api/api-route";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/audit-log";
import { requestSnapshot } from "@/lib/compliance/snapshot-queue";

export const POST = apiRoute<{ id: string }>(API_ENDPOINTS.runMonitor, async (_request, { params, user, ip }) => {
  const result = await requestSnapshot(params.id, user);
  if (result.created) await recordAuditEvent({ actor: user, action: AUDIT_ACTIONS.monitorRunRequested, target: params.id, metadata: { snapshotId: result.snapshot.id }, ip });
  return NextResponse.json(result, { status: 202 });
});
