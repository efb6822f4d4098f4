import { NextResponse } from "next/server";
import { guardedRoute } from "@/lib/auth/guard";
import { namesQuerySchema } from "@/lib/node-configs/picker-request";
import { resolveNames } from "@/lib/node-configs/resource-names";

/** Names beside the ids of a run's result (policy names, hostnames, group names), through the credential and cached. */
export const GET = guardedRoute({ role: "editor" }, async (request) => {
  const query = namesQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json({ names: await resolveNames({ credentialId: query.credentialId, kind: query.kind, ids: query.ids, scope: query.scope }) });
});
