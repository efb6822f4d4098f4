import { NextResponse } from "next/server";
import { guardedRoute } from "@/lib/auth/guard";
import { optionsQuerySchema } from "@/lib/node-configs/picker-request";
import { listResourceOptions } from "@/lib/node-configs/resource-options";

/** Candidates for a resource locator, loaded through the credential (editors: it spends the credential's budget). */
export const GET = guardedRoute({ role: "editor" }, async (request) => {
  const query = optionsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const locator = { resource: query.resource, operation: query.operation, ...(query.pick ? { pick: query.pick } : {}) };
  return NextResponse.json(await listResourceOptions({ credentialId: query.credentialId, locator, search: query.search, scope: query.scope }));
});
