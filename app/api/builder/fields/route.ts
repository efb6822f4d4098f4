import { NextResponse } from "next/server";
import { guardedRoute } from "@/lib/auth/guard";
import { fieldsQuerySchema } from "@/lib/node-configs/picker-request";
import { loadDynamicFields } from "@/lib/node-configs/resource-options";

/** Fields loaded through the credential for a dynamic-fields parameter (a policy template's config fields). */
export const GET = guardedRoute({ role: "editor" }, async (request) => {
  const query = fieldsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await loadDynamicFields(query.credentialId, query.loader, query.value, query.scope));
});
